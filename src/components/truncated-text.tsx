/**
 * Engine-supplied text: always rendered as text (React escapes it), cut with an ellipsis by
 * CSS, the full value in the tooltip.
 */
export function TruncatedText({ text, className }: { readonly text: string; readonly className?: string }) {
  return (
    <span className={className === undefined ? 'truncate' : `truncate ${className}`} title={text}>
      {text}
    </span>
  );
}
