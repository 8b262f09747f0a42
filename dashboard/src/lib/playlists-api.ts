// Playlists (danh sách phát), typed from the server's routes (hono/client).
import type { InferRequestType, InferResponseType } from 'hono/client';
import { answer, client, csrfHeaders, noContent } from './api';

const playlists = client.api.playlists;
const playlistById = playlists[':id'];

export type Playlist = InferResponseType<typeof playlists.$get, 200>[number];
export type PlaylistItem = Playlist['items'][number];
export type CreatePlaylistInput = InferRequestType<typeof playlists.$post>['json'];
export type PatchPlaylistInput = InferRequestType<typeof playlistById.$patch>['json'];

export async function listPlaylists(): Promise<Playlist[]> {
  return await answer(playlists.$get(), 200);
}

export async function createPlaylist(input: CreatePlaylistInput): Promise<Playlist> {
  return await answer(playlists.$post({ json: input }, { headers: csrfHeaders() }), 201);
}

export async function patchPlaylist(id: number, patch: PatchPlaylistInput): Promise<Playlist> {
  return await answer(playlistById.$patch({ param: { id: String(id) }, json: patch }, { headers: csrfHeaders() }), 200);
}

export async function deletePlaylist(id: number): Promise<void> {
  await noContent(playlistById.$delete({ param: { id: String(id) } }, { headers: csrfHeaders() }));
}
