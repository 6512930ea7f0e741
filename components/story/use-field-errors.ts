/** The messages for one field (and its parts: `body.content.0` belongs to `body`). */
export function useFieldErrors(fieldErrors: Record<string, string[]>): (name: string) => string[] {
  return (name: string) =>
    Object.entries(fieldErrors)
      .filter(([key]) => key === name || key.startsWith(`${name}.`))
      .flatMap(([, messages]) => messages);
}
