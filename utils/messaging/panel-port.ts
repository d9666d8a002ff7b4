/**
 * The port name an open side panel (or the panel opened as a page) holds, so the background knows
 * it is open. Its own module, without zod: the side panel's first view imports it (issue #11).
 */
export const PANEL_PORT = 'introbook-panel';
