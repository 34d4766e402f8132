"use client";
// Small forms on the request page. Each posts to a server action that checks
// everything again; the hidden inputs are only what the page was showing.
import { startTransition, useActionState, useEffect, useState } from "react";
import type { ActionState } from "@/lib/errors";
import { BODY_LABEL, type Body } from "@/lib/workflow";
import { commentAction, requestInfoAction, signoffAction } from "../actions";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

function Outcome({ state }: { state: ActionState }) {
  if (!state) return null;
  if (state.ok) return state.message ? <p className="notice ok" role="status">{state.message}</p> : null;
  return (
    <div className="notice error" role="status">
      {state.error}
      {state.fieldErrors && Object.keys(state.fieldErrors).length > 1 && (
        <ul>
          {Object.entries(state.fieldErrors).map(([k, v]) => (
            <li key={k}>{v.join(" ")}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A textarea whose text survives a refused submission (React resets forms after
 * an action) and is cleared once the action succeeded.
 */
function KeptText({ id, name, state, required }: { id: string; name: string; state: ActionState; required?: boolean }) {
  const [text, setText] = useState("");
  useEffect(() => {
    if (state?.ok) setText("");
  }, [state]);
  return <textarea id={id} name={name} required={required} value={text} onChange={(e) => setText(e.target.value)} />;
}

function Hidden({ requestId, revision }: { requestId: string; revision?: number }) {
  return (
    <>
      <input type="hidden" name="requestId" value={requestId} />
      {revision !== undefined && <input type="hidden" name="revision" value={revision} />}
    </>
  );
}

function BodyChoice({ bodies, value, onChange }: { bodies: Body[]; value: Body; onChange: (b: Body) => void }) {
  if (bodies.length === 1) return <input type="hidden" name="body" value={bodies[0]} />;
  return (
    <div className="field" role="radiogroup" aria-label="Act for">
      <span className="hint">You hold both reviewer roles; you act for only one body on this request:</span>
      <div className="check-row">
        {bodies.map((b) => (
          <label key={b} className="check">
            <input type="radio" name="body" value={b} checked={value === b} onChange={() => onChange(b)} />
            {BODY_LABEL[b]}
          </label>
        ))}
      </div>
    </div>
  );
}

export function SignoffForm({ requestId, revision, bodies }: { requestId: string; revision: number; bodies: Body[] }) {
  const [state, action, pending] = useActionState(signoffAction, null);
  const [body, setBody] = useState<Body>(bodies[0]);
  // No decision is preselected, and the one chosen survives a refused submission.
  const [decision, setDecision] = useState<string>("");
  const decisions = body === "BOARD" ? (["APPROVE", "REJECT", "ABSTAIN"] as const) : (["APPROVE", "REJECT"] as const);
  return (
    <form
      aria-label="Sign off"
      // Dispatched by hand: React resets a form posted through `action`, which would
      // also clear the chosen decision when the server refuses it.
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <Hidden requestId={requestId} revision={revision} />
      <BodyChoice bodies={bodies} value={body} onChange={setBody} />
      <div className="field" role="radiogroup" aria-label="Decision">
        <span style={{ fontWeight: 600 }}>
          {body === "BOARD" ? "Your vote" : "Security sign-off"} on revision {revision}
        </span>
        <div className="check-row">
          {decisions.map((d) => (
            <label key={d} className="check">
              <input type="radio" name="decision" value={d} required checked={decision === d} onChange={() => setDecision(d)} />
              {d === "APPROVE" ? "Approve" : d === "REJECT" ? "Reject" : "Abstain"}
            </label>
          ))}
        </div>
      </div>
      <div className="field">
        <label htmlFor="signoff-comment">
          Comment <span className="hint">— required to reject</span>
        </label>
        <KeptText id="signoff-comment" name="comment" state={state} />
      </div>
      <button type="submit" className="primary" disabled={pending}>
        Record {body === "BOARD" ? "vote" : "sign-off"}
      </button>
      <Outcome state={state} />
    </form>
  );
}

export function InfoForm({ requestId, revision, bodies }: { requestId: string; revision: number; bodies: Body[] }) {
  const [state, action, pending] = useActionState(requestInfoAction, null);
  const [body, setBody] = useState<Body>(bodies[0]);
  return (
    <form action={action} aria-label="Ask for more information">
      <Hidden requestId={requestId} revision={revision} />
      <BodyChoice bodies={bodies} value={body} onChange={setBody} />
      <div className="field">
        <label htmlFor="info-question">Question for the submitter</label>
        <KeptText id="info-question" name="question" state={state} required />
      </div>
      <button type="submit" disabled={pending}>
        Ask for more information
      </button>
      <Outcome state={state} />
    </form>
  );
}

export function CommentForm({ requestId }: { requestId: string }) {
  const [state, action, pending] = useActionState(commentAction, null);
  return (
    <form action={action} aria-label="Add a comment">
      <Hidden requestId={requestId} />
      <div className="field">
        <label htmlFor="comment-body">Add a comment</label>
        <KeptText id="comment-body" name="body" state={state} required />
      </div>
      <button type="submit" disabled={pending}>
        Comment
      </button>
      <Outcome state={state} />
    </form>
  );
}

/** A button with an optional text field: submit, resubmit, withdraw, revoke. */
export function StatusForm({
  requestId,
  action: serverAction,
  label,
  field,
  danger,
  primary,
}: {
  requestId: string;
  action: Action;
  label: string;
  field?: { name: string; label: string; required?: boolean };
  danger?: boolean;
  primary?: boolean;
}) {
  const [state, action, pending] = useActionState(serverAction, null);
  const id = `${label.replace(/\W+/g, "-").toLowerCase()}-${field?.name ?? "x"}`;
  return (
    <form action={action} aria-label={label}>
      <Hidden requestId={requestId} />
      {field && (
        <div className="field">
          <label htmlFor={id}>{field.label}</label>
          <KeptText id={id} name={field.name} state={state} required={field.required} />
        </div>
      )}
      <button type="submit" className={danger ? "danger" : primary ? "primary" : undefined} disabled={pending}>
        {label}
      </button>
      <Outcome state={state} />
    </form>
  );
}
