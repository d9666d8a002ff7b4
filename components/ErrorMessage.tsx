/**
 * A form's or a view's error, announced at once (role=alert); nothing when there is none. The
 * text is data (a message already in the user's language) and renders as text, never HTML.
 */
export function ErrorMessage({ text }: { text: string | null | undefined }) {
  if (!text) return null;
  return (
    <p className="message error" role="alert">
      {text}
    </p>
  );
}
