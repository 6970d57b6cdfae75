/**
 * The translation namespaces a page needs in the browser: the union of `handle.i18n` of the routes its
 * URL matches (read from the built route modules), so that the root loader sends only those.
 */
import { matchRoutes, type ServerBuild } from "react-router";

interface Node {
  id: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  namespaces: string[];
  children: Node[];
}

export function routeNamespaces(build: ServerBuild): (url: string) => string[] {
  const nodes = new Map<string, Node & { parentId?: string }>();
  for (const route of Object.values(build.routes)) {
    if (!route) continue;
    const handle = (route.module as { handle?: { i18n?: unknown } }).handle;
    const namespaces = Array.isArray(handle?.i18n) ? handle.i18n.filter((n): n is string => typeof n === "string") : [];
    nodes.set(route.id, {
      id: route.id,
      path: route.path,
      index: route.index,
      caseSensitive: route.caseSensitive,
      parentId: route.parentId,
      namespaces,
      children: [],
    });
  }
  const roots: Node[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return (url) => {
    // A client navigation asks for `/path.data` (`/_root.data` for the home page).
    let pathname = new URL(url, "http://localhost").pathname.replace(/\.data$/, "");
    if (pathname === "/_root") pathname = "/";
    const matches = matchRoutes(roots as Parameters<typeof matchRoutes>[0], pathname) ?? [];
    return [...new Set(matches.flatMap((m) => (m.route as unknown as Node).namespaces))];
  };
}
