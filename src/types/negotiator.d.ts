/** The part of negotiator 1.x the server uses (DefinitelyTyped's types describe 0.6, without `preferred`). */
declare module 'negotiator' {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | string[] | undefined> });
    /** Encodings the client accepts, best first; among equal q-values, `preferred` order decides. */
    encodings(available?: readonly string[], options?: { preferred?: readonly string[] }): string[];
  }
}
