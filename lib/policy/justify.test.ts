import { describe, expect, it } from "vitest";
import { demoRequest } from "../demo/exceptions";
import { ZRequestSubmit } from "../validations/request";
import { runChecks } from "./checks";
import { currentJustifications, unjustifiedBlocking } from "./justify";

const cups = runChecks(ZRequestSubmit.parse(demoRequest("cups-browsed")));
const blockingIds = cups.filter((f) => f.severity === "blocking").map((f) => f.id);

describe("justifying blocking findings", () => {
  it("asks for a justification per blocking finding, naming the finding", () => {
    const missing = unjustifiedBlocking(cups, {});
    expect(Object.keys(missing).sort()).toEqual(blockingIds.map((id) => `justifications.${id}`).sort());
    expect(missing["justifications.confinement.root-user"][0]).toMatch(/^Blocking: .*root.* Justify it, or change the request\.$/);
  });

  it("invisible characters are not a justification", () => {
    const missing = unjustifiedBlocking(cups, { "confinement.root-user": "\u200b".repeat(25) });
    expect(missing["justifications.confinement.root-user"]).toBeDefined();
  });

  it("a short justification is not one", () => {
    const missing = unjustifiedBlocking(cups, { "confinement.root-user": "because" });
    expect(missing["justifications.confinement.root-user"][0]).toMatch(/at least 20 characters/);
  });

  it("all justified: nothing missing; warnings never need one", () => {
    const all = Object.fromEntries(blockingIds.map((id) => [id, "Accepted risk: explained to the security team in the thread."]));
    expect(unjustifiedBlocking(cups, all)).toEqual({});
    expect(unjustifiedBlocking(runChecks(ZRequestSubmit.parse(demoRequest("avahi"))), {})).toEqual({});
  });

  it("a justification stays with its data item when rows move", () => {
    const two = (items: string[]) =>
      runChecks({ exposedData: items.map((item) => ({ item, level: "APPLICATION", optIn: "" })) }).filter((f) => f.check === "exposure.application-data-opt-in");
    const before = two(["Build number", "Playlist names"]);
    const justified = { [before[0].id]: "Only the build number, which is harmless to expose." };
    expect(Object.keys(unjustifiedBlocking(before, justified))).toEqual([`justifications.${before[1].id}`]);
    // "Build number" removed: "Playlist names" moves to row 0 but is still not justified.
    const after = two(["Playlist names"]);
    expect(Object.keys(unjustifiedBlocking(after, justified))).toEqual(["justifications.exposedData.playlist-names.no-opt-in"]);
    expect(two(["Same", "Same"]).map((f) => f.id)).toEqual(["exposedData.same-1.no-opt-in", "exposedData.same-2.no-opt-in"]);
  });

  it("keeps only justifications of current blocking findings", () => {
    const kept = currentJustifications(cups, { "confinement.root-user": "  Needs raw sockets at start.  ", "gone.finding": "old text here" });
    expect(kept).toEqual({ "confinement.root-user": "Needs raw sockets at start." });
  });
});
