import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p className="lede">There is nothing here, or it is not visible to you.</p>
      <p>
        <Link href="/registry">Browse the registry</Link>
      </p>
    </>
  );
}
