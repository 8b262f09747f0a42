// Playlists (danh sách phát), typed from the server's routes (hono/client).
import type { InferRequestType, InferResponseType } from 'hono/client';
import { client, csrfHeaders, toApiError } from './api';

const playlists = client.api.playlists;
const playlistById = playlists[':id'];

export type Playlist = InferResponseType<typeof playlists.$get, 200>[number];
export type PlaylistItem = Playlist['items'][number];
export type CreatePlaylistInput = InferRequestType<typeof playlists.$post>['json'];
export type PatchPlaylistInput = InferRequestType<typeof playlistById.$patch>['json'];

export async function listPlaylists(): Promise<Playlist[]> {
  const res = await playlists.$get();
  if (res.status === 200) return await res.json();
  throw await toApiError(res);
}

export async function createPlaylist(input: CreatePlaylistInput): Promise<Playlist> {
  const res = await playlists.$post({ json: input }, { headers: csrfHeaders() });
  if (res.status === 201) return await res.json();
  throw await toApiError(res);
}

export async function patchPlaylist(id: number, patch: PatchPlaylistInput): Promise<Playlist> {
  const res = await playlistById.$patch({ param: { id: String(id) }, json: patch }, { headers: csrfHeaders() });
  if (res.status === 200) return await res.json();
  throw await toApiError(res);
}

export async function deletePlaylist(id: number): Promise<void> {
  const res = await playlistById.$delete({ param: { id: String(id) } }, { headers: csrfHeaders() });
  if (res.status !== 204) throw await toApiError(res);
}
