import type { Test } from 'tap';
import type { Position } from '../../src/application/ports/paging.ts';
import type { MovieInput } from '../../src/domain/movie.ts';
import { type CatalogFactory, firstPage, newActor, newMovie } from './catalog-factory.ts';

/**
 * What `q` finds and in which order, the same on every adapter (DESIGN §3 "Search"): case
 * and accents ignored, typos in words of five letters or more, word prefixes; without a
 * sort the best match first (exact, title prefix, whole word, word start, inside a word,
 * typo), ties by popularity, then id. A leading article is not part of a title's name.
 */
export function searchContract(t: Test, fresh: CatalogFactory): void {
  t.test('movies: by title and director, best first', async (t) => {
    const { movies } = await fresh();
    const add = async (title: string, director: string, popularity?: number) =>
      (await movies.insert(newMovie({ title, director, ...(popularity === undefined ? {} : { popularity }) } as MovieInput))).id;
    const godfather = await add('The Godfather', 'Francis Ford Coppola', 95);
    const part2 = await add('The Godfather Part II', 'Francis Ford Coppola', 80);
    const pulp = await add('Pulp Fiction', 'Quentin Tarantino', 85);
    const django = await add('Django Unchained', 'Quentin Tarantino', 70);
    const amelie = await add('Amélie', 'Jean-Pierre Jeunet', 60);
    const alien = await add('Alien', 'Ridley Scott', 75);
    const aliens = await add('Aliens', 'James Cameron', 78);
    const nation = await add('Alien Nation', 'Graham Baker', 20);
    const illegal = await add('Illegal Aliens', 'David Giancola', 90);
    const ids = async (q: string) => (await movies.list({ q }, firstPage)).items.map((m) => m.id);

    t.same(await ids('godfater'), [godfather, part2], 'a typo: the more popular first');
    t.same(await ids('pulp fictoin'), [pulp], 'two letters swapped');
    t.same(await ids('GODF'), [godfather, part2], 'a word prefix, ignoring case');
    t.same(await ids('godfather'), [godfather, part2], 'The Godfather is called Godfather: exact, before its sequel');
    t.same(await ids('tarantno'), [pulp, django], "a typo in a director's name finds their films");
    t.same(await ids('AMELIE'), [amelie], 'accents ignored in the title');
    t.same(await ids('jeunét'), [amelie], 'and in the query');
    t.same(await ids('alien'), [alien, nation, aliens, illegal], 'exact, starts with the word, starts with the letters, then a word start');
    t.same(await ids('nation'), [nation], 'a whole word');
    t.same(await ids('a'), [aliens, alien, amelie, nation, illegal], 'one letter: titles, then words, starting with it');
    t.same(await ids('%'), [], 'a lone % matches no word start');
    t.same(await ids('zzzzzz'), []);
    const byTitle = await movies.list({ q: 'alien' }, { ...firstPage, sort: [{ field: 'title', direction: 'asc' }] });
    t.same(
      byTitle.items.map((m) => m.title),
      ['Alien', 'Alien Nation', 'Aliens', 'Illegal Aliens'],
      'an explicit sort wins over relevance',
    );
    const second = await movies.list({ q: 'alien' }, { page: 2, limit: 2, sort: [] });
    t.same([second.items.map((m) => m.id), second.total], [[aliens, illegal], 4], 'pages of a ranked list');
    t.same(await ids('matrix godfather dark'), [], 'several words must appear together (or nearly)');
  });

  t.test('actors: by name, best first', async (t) => {
    const { actors } = await fresh();
    const add = async (name: string) => (await actors.insert(newActor({ name }))).id;
    const penelope = await add('Penélope Cruz');
    const penny = await add('Penny Marshall');
    const cruz = await add('Cruz Beckham');
    await add('Tom Hanks');
    const ids = async (q: string) => (await actors.list({ q }, firstPage)).items.map((a) => a.id);

    t.same(await ids('penelope'), [penelope], 'accents ignored');
    t.same(await ids('CRUZ'), [cruz, penelope], 'a name starting with the query before a whole word');
    t.same(await ids('marshell'), [penny], 'a typo in the middle of a word');
    t.same(await ids('pen'), [penelope, penny], 'equal tiers go by id');
    t.same(await ids('p'), [penelope, penny]);
  });

  t.test('actors: a search past the count cap, page by page and by cursor', async (t) => {
    const { actors } = await fresh({ countCap: 1 });
    const add = async (name: string) => (await actors.insert(newActor({ name }))).id;
    const [joel, maryJo, josephine, joanna, joAnn, jo, joMarsh] = [
      await add('Billy Joel'),
      await add('Mary Jo Catlett'),
      await add('Joséphine Baker'),
      await add('Joanna Lumley'),
      await add('Jo Ann Worley'),
      await add('JO'),
      await add('Jo. Marsh'),
    ];
    await add('Marjorie Main');
    const ranked = [jo, joAnn, joMarsh, josephine, joanna, maryJo, joel];
    const pages: number[][] = [];
    let after: Position | undefined;
    do {
      const page = await actors.list({ q: 'jo' }, { page: 1, limit: 2, sort: [], ...(after ? { after } : {}) });
      pages.push(page.items.map((a) => a.id));
      after = page.next;
    } while (after && pages.length < 10);
    t.same(pages.flat(), ranked, 'exact, whole words at the start, the start, a whole word, a word start; ties by id');
    t.same(
      (await actors.list({ q: 'jo' }, { page: 3, limit: 2, sort: [] })).items.map((a) => a.id),
      [joanna, maryJo],
      'page 3',
    );
    const whole = await actors.list({ q: 'jo' }, firstPage);
    t.same([whole.items.map((a) => a.id), whole.total, whole.totalCapped], [ranked, 1, true]);
  });
}
