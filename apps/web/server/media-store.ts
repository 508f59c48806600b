/** The part of storage the web server needs; `@adgen/storage` implements it. */
export interface MediaStore {
  urlFor(key: string): Promise<string>;
  deletePrefix(prefix: string): Promise<unknown>;
}
