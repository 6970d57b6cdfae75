import { CommencerPage } from "./commencer-page";
import { loadCommencer, startFromCommencer } from "./commencer.server";
import type { Route } from "./+types/commencer-test";

export const handle = { i18n: ["dossiers", "prefill", "usager", "cycle", "presentation"] };

export async function loader(args: Route.LoaderArgs) {
  return loadCommencer(args, true);
}

export async function action(args: Route.ActionArgs) {
  return startFromCommencer(args, true);
}

export default function CommencerTest({ loaderData }: Route.ComponentProps) {
  return <CommencerPage data={loaderData} />;
}
