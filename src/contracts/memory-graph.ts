import { z } from 'zod';

/** The official memory server's name in the pool. */
export const MEMORY_SERVER = 'memory';

/** One entity of the memory server's knowledge graph. */
export const memoryEntitySchema = z.object({
  name: z.string(),
  entityType: z.string(),
  observations: z.array(z.string()),
});

/** One relation of the knowledge graph (`from` —relationType→ `to`). */
export const memoryRelationSchema = z.object({
  from: z.string(),
  to: z.string(),
  relationType: z.string(),
});

/** What `read_graph`, `search_nodes` and `open_nodes` answer. */
export const memoryGraphSchema = z.object({
  entities: z.array(memoryEntitySchema),
  relations: z.array(memoryRelationSchema),
});

export type MemoryEntity = z.infer<typeof memoryEntitySchema>;
export type MemoryRelation = z.infer<typeof memoryRelationSchema>;
export type MemoryGraph = z.infer<typeof memoryGraphSchema>;
