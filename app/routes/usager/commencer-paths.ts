/** Links of a démarche (shared by its server module and its page). */
export function commencerPath(path: string, test: boolean) {
  return test ? `/commencer/test/${path}` : `/commencer/${path}`;
}
