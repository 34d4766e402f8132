import { describe, expect, it } from "vitest";
import { parseRegistryQuery, registryQueryOrDefaults, registryQueryString } from "./params";

describe("registry query parameters", () => {
  it("defaults", () => {
    expect(registryQueryOrDefaults({})).toEqual({ status: "approved", sort: "package", dir: "asc", page: 1, pageSize: 25 });
  });

  it("parses filters case-insensitively and coerces numbers", () => {
    const r = parseRegistryQuery(new URLSearchParams("q=avahi&series=noble&flavor=desktop&protocol=udp&port=5353&sort=approved&dir=desc&page=2&pageSize=50"));
    expect(r.success && r.data).toEqual({
      status: "approved",
      q: "avahi",
      series: "noble",
      flavor: "DESKTOP",
      protocol: "UDP",
      port: 5353,
      sort: "approved",
      dir: "desc",
      page: 2,
      pageSize: 50,
    });
  });

  it("the API reports every bad parameter by name", () => {
    const r = parseRegistryQuery(new URLSearchParams("flavor=laptop&protocol=icmp&port=70000&sort=evil&pageSize=7"));
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.issues.map((i) => i.path[0]).sort()).toEqual(["flavor", "pageSize", "port", "protocol", "sort"]);
      expect(r.error.issues.find((i) => i.path[0] === "port")?.message).toBe("port: a number from 1 to 65535.");
    }
  });

  it("the page drops bad parameters and keeps the good ones", () => {
    expect(registryQueryOrDefaults({ port: "abc", series: "noble", page: "-3", status: "REVOKED" })).toEqual({
      status: "revoked",
      series: "noble",
      sort: "package",
      dir: "asc",
      page: 1,
      pageSize: 25,
    });
  });

  it("builds links without defaults", () => {
    expect(registryQueryString({ q: "ssh", flavor: "CLOUD", sort: "package", dir: "asc", page: 1, pageSize: 25 })).toBe("?q=ssh&flavor=cloud");
    expect(registryQueryString({})).toBe("");
  });
});
