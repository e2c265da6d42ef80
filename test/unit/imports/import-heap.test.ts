import t from 'tap';
import type { ImportBatchWriter, MovieImportStore } from '../../../src/application/ports/movie-import-store.ts';
import { withTightHeapDuringImports } from '../../../src/infrastructure/import-heap.ts';

const writer: ImportBatchWriter = { upsertBatch: async () => ({ inserted: 0, updated: 0, unchanged: 0 }) };
const store: MovieImportStore = { transaction: (work) => work(writer) };

t.test('an import through the wrapped store answers what the store answers', async (t) => {
  const wrapped = withTightHeapDuringImports(store);
  t.equal(await wrapped.transaction(async (tx) => (tx === writer ? 'stored' : 'other writer')), 'stored');
});

t.test('a failing import still fails, and the next imports (two at once) run', async (t) => {
  const wrapped = withTightHeapDuringImports(store);
  await t.rejects(
    wrapped.transaction(async () => {
      throw new Error('database gone');
    }),
    { message: 'database gone' },
  );
  const both = await Promise.all([wrapped.transaction(async () => 1), wrapped.transaction(async () => 2)]);
  t.same(both, [1, 2]);
});
