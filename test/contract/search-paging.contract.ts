import type { Test } from 'tap';
import { SearchCatalog, type SearchPosition, type SearchResult } from '../../src/application/search/search-catalog.ts';
import { type CatalogFactory, newActor, newMovie } from './catalog-factory.ts';

const named = (result: SearchResult) => (result.kind === 'movie' ? `movie:${result.movie.title}` : `actor:${result.actor.name}`);

/**
 * GET /search's pages (SearchCatalog) over each adapter: movies and actors merged by search
 * tier, by page number and by cursor. The cursor holds each kind's place in its repository's
 * ranked order, so this states that every adapter ranks with the keys the merge assumes. A
 * count cap of 1 sends the SQL adapters' searches down the tier-by-tier read.
 */
export function searchPagingContract(t: Test, fresh: CatalogFactory): void {
  t.test('movies and actors together, page by page and by cursor', async (t) => {
    const { movies, actors } = await fresh({ countCap: 1 });
    const films: [string, number | null][] = [
      ['Cheat Code', 10],
      ['Heathers', 30],
      ['The Heat', null],
      ['Wheatfield', null],
      ['In the Heat of the Night', 60],
      ['Heat Wave', 20],
      ['Heat', 77],
    ];
    for (const [title, popularity] of films) await movies.insert(newMovie({ title, ...(popularity === null ? {} : { popularity }) }));
    for (const name of ['Anne Heathcote', 'Heather Graham', 'Heat Miser', 'Heath Ledger', 'Tom Hanks'])
      await actors.insert(newActor({ name }));
    const search = new SearchCatalog(movies, actors);
    const expected = [
      ...['movie:Heat', 'movie:The Heat', 'movie:Heat Wave', 'actor:Heat Miser', 'movie:Heathers'],
      ...['actor:Heather Graham', 'actor:Heath Ledger', 'movie:In the Heat of the Night', 'actor:Anne Heathcote'],
      ...['movie:Cheat Code', 'movie:Wheatfield'],
    ];
    const whole = await search.execute({ q: 'heat', page: 1, limit: 20, withActors: true });
    t.same(
      whole.items.map(named),
      expected,
      'exact, whole words at the start, the start, a whole word, a word start, inside; a movie first in a tier',
    );
    t.same([whole.total, whole.totalCapped, whole.next], [2, true, undefined], 'counts capped per kind; nothing follows');
    const third = await search.execute({ q: 'heat', page: 3, limit: 2, withActors: true });
    t.same(third.items.map(named), expected.slice(4, 6), 'page 3 by number');
    const walked: string[] = [];
    let after: SearchPosition | undefined;
    do {
      const page = await search.execute({ q: 'heat', page: 1, limit: 2, withActors: true, ...(after ? { after } : {}) });
      walked.push(...page.items.map(named));
      after = page.next;
    } while (after && walked.length < 30);
    t.same(walked, expected, 'every page by cursor, each result once');
    const fromThird = await search.execute({ q: 'heat', page: 1, limit: 3, withActors: true, after: third.next! });
    t.same(fromThird.items.map(named), expected.slice(6, 9), "a numbered page's position goes on where it ends");
  });
}
