import { CommencerPage } from "./commencer-page";
import { loadCommencer, startFromCommencer } from "./commencer.server";
import type { Route } from "./+types/commencer";

export const handle = { i18n: ["dossiers", "prefill", "usager", "cycle", "presentation"] };

export async function loader(args: Route.LoaderArgs) {
  return loadCommencer(args, false);
}

export async function action(args: Route.ActionArgs) {
  return startFromCommencer(args, false);
}

export default function Commencer({ loaderData }: Route.ComponentProps) {
  return <CommencerPage data={loaderData} />;
}
