// Field limits the desk's form shows and the server enforces (lib/stories/story-input.ts).
// Kept apart from the schemas so the browser bundle does not carry the validation library.
export const MAX_HEADLINE_LENGTH = 300;
export const MAX_STANDFIRST_LENGTH = 1000;
