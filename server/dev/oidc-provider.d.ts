/**
 * The little of oidc-provider 8's API the local FranceConnect stand-in uses (the package ships no
 * types; @types/oidc-provider is not a dependency).
 */
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  interface KoaContextLike {
    body: unknown;
    type: string;
  }
  interface Interaction {
    uid: string;
    params: Record<string, unknown>;
    prompt: { name: string };
  }
  interface Account {
    accountId: string;
    claims(): Promise<Record<string, unknown>>;
  }
  interface Configuration {
    clients: Array<Record<string, unknown>>;
    jwks: { keys: unknown[] };
    cookies: { keys: string[] };
    pkce: { required: () => boolean; methods: string[] };
    acrValues: string[];
    claims: Record<string, string[]>;
    features: {
      devInteractions: { enabled: boolean };
      rpInitiatedLogout: {
        enabled: boolean;
        logoutSource(ctx: KoaContextLike, form: string): Promise<void>;
        postLogoutSuccessSource(ctx: KoaContextLike): Promise<void>;
      };
    };
    interactions: { url(ctx: KoaContextLike, interaction: Interaction): string };
    findAccount(ctx: KoaContextLike, sub: string): Promise<Account | undefined>;
    renderError(ctx: KoaContextLike, out: Record<string, unknown>, error: Error): Promise<void>;
    ttl: Record<string, number>;
  }
  class Grant {
    constructor(options: { accountId: string; clientId: string });
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }
  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    Grant: typeof Grant;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }
}
