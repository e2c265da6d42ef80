import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { GENRES, WORDS } from './vocabulary.ts';

interface GeneratedMovie {
  title: string;
  release_date: string;
  director: string;
  genres: string[];
  popularity: number;
  imdb_score: number;
}

/** Movie `i` of the benchmark: deterministic, unique title, 1–3 genres. */
function movie(i: number): GeneratedMovie {
  const pick = (list: string[], salt: number) => list[(i * 2_654_435_761 + salt * 40_503) % list.length]!;
  const day = (i * 7919) % 36_500;
  return {
    title: `${pick(WORDS, 1)} ${pick(WORDS, 2)} ${pick(WORDS, 3)} ${i}`,
    release_date: new Date(Date.UTC(1925, 0, 1) + day * 86_400_000).toISOString().slice(0, 10),
    director: `Director ${i % 20_000}`,
    genres: [...new Set([pick(GENRES, 4), pick(GENRES, 5), pick(GENRES, 6)].slice(0, 1 + (i % 3)))],
    popularity: (i % 1000) / 10,
    imdb_score: (i % 100) / 10,
  };
}

/** One row of COPY's text format in column order (title, release_date, director, genres, popularity, imdb_score, created_at, updated_at). */
function copyLine(m: GeneratedMovie, now: string): string {
  const genres = `{${m.genres.map((g) => `"${g}"`).join(',')}}`;
  return `${m.title}\t${m.release_date}\t${m.director}\t${genres}\t${m.popularity}\t${m.imdb_score}\t${now}\t${now}\n`;
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function end(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

/**
 * Writes `count` movies twice, streamed (never all in memory): as NDJSON for the import and
 * in COPY text format for the baseline. Only generated words, digits and ASCII: no escaping needed.
 */
export async function writeMovieFiles(count: number, ndjsonPath: string, copyPath: string): Promise<void> {
  const ndjson = createWriteStream(ndjsonPath);
  const copy = createWriteStream(copyPath);
  const now = new Date().toISOString();
  let json = '';
  let text = '';
  for (let i = 0; i < count; i++) {
    const m = movie(i);
    json += `${JSON.stringify(m)}\n`;
    text += copyLine(m, now);
    if (json.length > 1 << 20 || i === count - 1) {
      await Promise.all([write(ndjson, json), write(copy, text)]);
      json = '';
      text = '';
    }
  }
  await Promise.all([end(ndjson), end(copy)]);
}

/** `count` copies of one movie as NDJSON: the repeated-key case (each copy after the first is unchanged). */
export async function writeRepeatedMovie(count: number, ndjsonPath: string): Promise<void> {
  const ndjson = createWriteStream(ndjsonPath);
  const line = `${JSON.stringify(movie(0))}\n`;
  const chunk = line.repeat(Math.max(1, Math.floor((1 << 20) / line.length)));
  let written = 0;
  while (written < count) {
    const lines = Math.min(count - written, chunk.length / line.length);
    await write(ndjson, lines === chunk.length / line.length ? chunk : line.repeat(lines));
    written += lines;
  }
  await end(ndjson);
}
