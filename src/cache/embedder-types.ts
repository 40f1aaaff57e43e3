/** Options for one embedding call. */
export interface EmbedOptions {
  signal?: AbortSignal;
}

/** Turns text into a vector of `dimensions` numbers. */
export interface Embedder {
  /** Short name for logs: `hashed-code` or `http <url>`. */
  readonly name: string;
  /** Length of every vector it returns. */
  readonly dimensions: number;
  embed(text: string, options?: EmbedOptions): Promise<Float32Array>;
}
