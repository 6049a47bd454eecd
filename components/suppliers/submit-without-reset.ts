"use client";
// React resets a form after its action runs. Controlled inputs survive that, but a controlled <select> does
// not (it falls back to its first option), so a refused submission would lose the chosen province or legal
// form. This onSubmit handler dispatches the action itself inside a transition: no reset, useFormStatus still
// reports "pending" (React sees the transition), and without JavaScript the form still posts to the action.
import { startTransition, type FormEvent } from "react";

export function submitWithoutReset(dispatch: (form: FormData) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLElement | null;
    const form = new FormData(e.currentTarget, submitter);
    startTransition(() => dispatch(form));
  };
}
