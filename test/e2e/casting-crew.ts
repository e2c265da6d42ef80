import { createMarqueeClient, type MarqueeClient } from '../../clients/typescript/index.ts';
import { signedInClient } from './client.ts';

/** The client generated from the served OpenAPI document, for one signed-in person. */
export type Api = MarqueeClient;
type Target = 'auditioned' | 'shortlisted' | 'offered' | 'accepted' | 'rejected';
type RoleBody = { name: string; age_min?: number; age_max?: number; gender?: string; slots?: number };
const PASSWORD = 'Casting123';

/** Someone who signs up (a casting assistant), is given `role` by the admin, and logs in. */
async function member(baseUrl: string, admin: Api, username: string, role: 'casting_director' | 'executive_producer'): Promise<Api> {
  const signedUp = await createMarqueeClient(baseUrl).POST('/register', { body: { name: username, username, password: PASSWORD } });
  if (!signedUp.data) throw new Error(`register ${username}: ${signedUp.response.status} ${JSON.stringify(signedUp.error)}`);
  const promoted = await admin.PATCH('/users/{id}', { params: { path: { id: signedUp.data.user.id } }, body: { role } });
  if (!promoted.data) throw new Error(`promote ${username}: ${promoted.response.status}`);
  return signedInClient(baseUrl, username, PASSWORD);
}

/** A producer and a casting director on the server at `baseUrl`, and the steps of the story they take. */
export async function castingCrew(baseUrl: string) {
  const admin = await signedInClient(baseUrl);
  const producer = await member(baseUrl, admin, 'pat-producer', 'executive_producer');
  const director = await member(baseUrl, admin, 'dana-director', 'casting_director');
  return {
    producer,
    director,
    newMovie: async (title: string, shoot_start: string, shoot_end: string) =>
      (await producer.POST('/movies', { body: { title, director: 'Ridley Scott', shoot_start, shoot_end } })).data!.movie,
    newActor: async (name: string, age: number, gender: string) =>
      (await director.POST('/actors', { body: { name, age, gender } })).data!.actor,
    newRole: async (movieId: number, body: RoleBody) =>
      (await director.POST('/movies/{id}/roles', { params: { path: { id: movieId } }, body })).data!.role,
    invite: (roleId: number, actorId: number) =>
      director.POST('/roles/{id}/auditions', { params: { path: { id: roleId } }, body: { actor_id: actorId } }),
    /** One move; with `etag`, refused (412) if the audition changed since that version. */
    move: (who: Api, id: number, to: Target, etag?: string) =>
      who.POST('/auditions/{id}/transitions', {
        params: { path: { id }, ...(etag && { header: { 'If-Match': etag } }) },
        body: { to, note: `to ${to}` },
      }),
    auditionOf: async (id: number) => (await director.GET('/auditions/{id}', { params: { path: { id } } })).data!.audition,
  };
}
