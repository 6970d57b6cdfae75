/**
 * The database schema, one source of truth for PostgreSQL 15 and embedded PGlite.
 * Names follow the reference platform (démarches = procedures, types de champ, champs, traitements)
 * so that its documentation and API map one to one onto these tables.
 */
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { TypeChamp } from "../domain/champs/definition";
import type { TypeOrganisme } from "../domain/demarches/service-card";
import type { DemarcheState } from "../domain/demarches/states";
import type { DossierState } from "../domain/dossier/states";
import type { DeletionReason } from "../domain/dossier/expiry";
import type { DeclarativeState, SvaSvrConfiguration } from "../domain/special/sva-svr";
import type { TraitementEvent } from "../domain/dossier/transitions";
import type { EventActor, EventKind } from "../domain/events/kinds";
import type { LabelColor } from "../domain/labels/labels";
import type { MailTemplateKind } from "../../common/mail-templates";
import type { AttestationTemplateKind } from "../../common/attestations";
import type { GroupeContact } from "../domain/groupes/contact";

/**
 * jsonb whose values come back exactly as stored. Drizzle's own jsonb parses strings a second time
 * after pg has parsed them, so a stored "42" would come back as the number 42.
 */
const jsonValue = customType<{ data: unknown; driverData: unknown }>({
  dataType: () => "jsonb",
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => value,
});

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
const tstz = (name: string) => timestamp(name, { withTimezone: true });

// ---------------------------------------------------------------- accounts

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    /** Always stored lower-cased and trimmed; unique. */
    email: text("email").notNull(),
    /** Null for accounts created by an invitation that was not accepted yet. */
    passwordHash: text("password_hash"),
    emailConfirmedAt: tstz("email_confirmed_at"),
    locale: text("locale").notNull().default("fr"),
    lastSignInAt: tstz("last_sign_in_at"),
    /** A new address asked for on the profile, until confirmed by the link sent to it (Devise's `unconfirmed_email`). */
    unconfirmedEmail: text("unconfirmed_email"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

/** Profiles: a user is always a usager; these tables grant the other roles (as the reference does). */
export const administrateurs = pgTable("administrateurs", {
  id: serial("id").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: createdAt(),
});

export const instructeurs = pgTable("instructeurs", {
  id: serial("id").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: createdAt(),
});

export const experts = pgTable("experts", {
  id: serial("id").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: createdAt(),
});

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the random session token kept in the cookie: a database leak yields no usable session. */
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: tstz("expires_at").notNull(),
    lastSeenAt: tstz("last_seen_at").notNull().defaultNow(),
    userAgent: text("user_agent"),
    /**
     * The ID token of a session opened with FranceConnect: signing out also signs out of FranceConnect
     * (its end-session endpoint takes it as `id_token_hint`). Null for other sessions.
     */
    franceConnectIdToken: text("france_connect_id_token"),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);

/**
 * The identity FranceConnect gave for one of its users (`sub`), as the reference's
 * `france_connect_informations`. Linked to an account (`user_id`) once the sign-in completes; while
 * an existing account with the same e-mail must first be proven (password or e-mail link), `user_id`
 * is null and the merge tokens (hashed, 15 minutes) say who may complete it.
 */
export const franceConnectInformations = pgTable(
  "france_connect_informations",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** FranceConnect's subject identifier for this person (`france_connect_particulier_id` in the reference). */
    sub: text("sub").notNull(),
    gender: text("gender").$type<"male" | "female">(),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    birthdate: date("birthdate", { mode: "string" }),
    /** The e-mail FranceConnect gave (verified by FranceConnect). */
    emailFranceConnect: text("email_france_connect").notNull(),
    mergeTokenHash: text("merge_token_hash"),
    mergeTokenExpiresAt: tstz("merge_token_expires_at"),
    emailMergeTokenHash: text("email_merge_token_hash"),
    emailMergeTokenExpiresAt: tstz("email_merge_token_expires_at"),
    /** The ID token of the sign-in waiting for a merge, handed to the session once linked. */
    pendingIdToken: text("pending_id_token"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("france_connect_informations_sub_key").on(t.sub),
    uniqueIndex("france_connect_informations_user_id_key").on(t.userId),
    uniqueIndex("france_connect_informations_merge_token_key").on(t.mergeTokenHash),
    uniqueIndex("france_connect_informations_email_merge_token_key").on(t.emailMergeTokenHash),
  ],
);

/**
 * One FranceConnect sign-in in progress: the `state` (hashed), `nonce` and PKCE verifier sent to the
 * provider, bound to the browser that started it (`binding_hash`: SHA-256 of a random HttpOnly
 * cookie). The callback deletes the row it uses: each state serves once, for 10 minutes.
 */
export const franceConnectRequests = pgTable(
  "france_connect_requests",
  {
    stateHash: text("state_hash").primaryKey(),
    bindingHash: text("binding_hash").notNull(),
    nonce: text("nonce").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    redirectTo: text("redirect_to"),
    expiresAt: tstz("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("france_connect_requests_expires_at_idx").on(t.expiresAt)],
);

/** Single-use tokens sent by e-mail: confirmation, password reset, invitation. */
export const emailTokens = pgTable(
  "email_tokens",
  {
    id: serial("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose").notNull().$type<"confirm_email" | "reset_password" | "invitation" | "change_email">(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: tstz("expires_at").notNull(),
    usedAt: tstz("used_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("email_tokens_token_hash_key").on(t.tokenHash)],
);

/** Fixed-window counters shared by every web process (sign-in, reset, public APIs). */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: tstz("window_start").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    administrateurId: integer("administrateur_id")
      .notNull()
      .references(() => administrateurs.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** SHA-256 of a 256-bit random secret: enough for a high-entropy secret, and cheap per request. */
    secretHash: text("secret_hash").notNull(),
    /** Null: every démarche of the administrateur, including future ones. */
    allowedDemarcheIds: integer("allowed_demarche_ids").array(),
    writeAccess: boolean("write_access").notNull().default(true),
    expiresAt: tstz("expires_at"),
    lastUsedAt: tstz("last_used_at"),
    /**
     * Allowed client networks, normalised CIDR strings (`192.0.2.0/24`, `2001:db8::/32`); null or
     * empty: any network. Checked in Node (`node:net` BlockList) on each request: see decision 0012.
     */
    authorizedNetworks: text("authorized_networks").array(),
    /** Revoked tokens are kept (the list shows them, their use is refused) rather than deleted. */
    revokedAt: tstz("revoked_at"),
    /** Last time a new secret replaced the previous one (renewal keeps every other setting). */
    renewedAt: tstz("renewed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("api_tokens_administrateur_idx").on(t.administrateurId),
    // The daily expiry reminders read the tokens expiring within a month.
    index("api_tokens_expires_at_idx").on(t.expiresAt),
  ],
);

/**
 * Expiry reminders sent for a token: one row per (token, window, expiry) — the insert decides,
 * so each reminder is sent once even when several workers run the daily job.
 */
export const apiTokenExpiryNotices = pgTable(
  "api_token_expiry_notices",
  {
    tokenId: uuid("token_id")
      .notNull()
      .references(() => apiTokens.id, { onDelete: "cascade" }),
    window: text("window").notNull().$type<"month" | "week" | "day">(),
    expiresAt: tstz("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.window, t.expiresAt] })],
);

// ---------------------------------------------------------------- démarches and their forms

export const demarches = pgTable(
  "demarches",
  {
    /** The public démarche number of the API. */
    id: serial("id").primaryKey(),
    libelle: text("libelle").notNull(),
    description: text("description").notNull(),
    cadreJuridique: text("cadre_juridique"),
    lienDpo: text("lien_dpo"),
    dureeConservation: integer("duree_conservation").notNull().default(12),
    forIndividual: boolean("for_individual").notNull().default(true),
    /** Usagers may file for someone else (a bénéficiaire), as mandataires (the reference's `for_tiers_enabled`). */
    forTiersEnabled: boolean("for_tiers_enabled").notNull().default(false),
    state: text("state").notNull().default("brouillon").$type<DemarcheState>(),
    /** Slug of /commencer/<path>, chosen at publication. */
    path: text("path"),
    draftRevisionId: integer("draft_revision_id"),
    publishedRevisionId: integer("published_revision_id"),
    publishedAt: tstz("published_at"),
    closedAt: tstz("closed_at"),
    /** Instructeurs may ask experts for an avis (the reference's `allow_expert_review`, default on). */
    allowExpertReview: boolean("allow_expert_review").notNull().default(true),
    /** Experts of non-confidential avis may write in the dossier's messagerie (the reference's default: on). */
    allowExpertMessaging: boolean("allow_expert_messaging").notNull().default(true),
    /** Only the experts the administrateur listed (`experts_procedures` not revoked) may be asked. */
    expertsRequireAdministrateurInvitation: boolean("experts_require_administrateur_invitation").notNull().default(false),
    /** Statistics public (`/statistiques/<path>`, `GET /api/public/v1/demarches/<id>/stats`): the reference's default is on. */
    opendata: boolean("opendata").notNull().default(true),
    /**
     * The reference's `web_hook_url`: a form-encoded POST `{procedure_id, dossier_id, state,
     * updated_at}` on each state change of a dossier (server/jobs/legacy-web-hook.job.ts).
     */
    webHookUrl: text("web_hook_url"),
    /** Set when unpublished (`depubliee`): the link stops, brouillons may still be submitted. */
    unpublishedAt: tstz("unpublished_at"),
    /** Closing date (the reference's `auto_archive_on`, a day): a cron closes the démarche that day. */
    autoArchiveOn: date("auto_archive_on", { mode: "string" }),
    /** Closed in favour of another démarche of the same administrateur: /commencer/<path> redirects there. */
    replacedByDemarcheId: integer("replaced_by_demarche_id"),
    /** `internal_procedure` (replaced by a démarche of Guichet) or `other` (explained in `closingDetails`). */
    closingReason: text("closing_reason").$type<"internal_procedure" | "other">(),
    closingDetails: text("closing_details"),
    closingNotificationBrouillon: boolean("closing_notification_brouillon").notNull().default(false),
    closingNotificationEnCours: boolean("closing_notification_en_cours").notNull().default(false),
    /** In the corbeille since (the reference's `hidden_at`); hard-deleted after a month (cron). */
    hiddenAt: tstz("hidden_at"),
    /** The démarche this one was cloned from (the reference's `parent_procedure_id`). */
    parentDemarcheId: integer("parent_demarche_id"),
    /** The gallery model this one was created from (`server/demarche-models/<id>.json`). */
    clonedFromModel: text("cloned_from_model"),
    /** Declarative démarche: submitted dossiers go en instruction or are accepted at once (null: no). */
    declarativeWithState: text("declarative_with_state").$type<DeclarativeState>(),
    /** Silence vaut accord / rejet: `{decision, period, unit, resume}` (server/domain/special/sva-svr.ts). */
    svaSvr: jsonb("sva_svr").notNull().default(sql`'{}'::jsonb`).$type<Partial<SvaSvrConfiguration>>(),
    /** Accusé de lecture: decisions stay hidden from the usager until they acknowledge them. */
    accuseLecture: boolean("accuse_lecture").notNull().default(false),
    /** « Public visé » (the reference's `description_target_audience`), limited HTML like the description. */
    descriptionTargetAudience: text("description_target_audience"),
    /** List of expected documents (`description_pj`), limited HTML. */
    descriptionPj: text("description_pj"),
    /** Where usagers find the link (`lien_site_web`): required to publish. */
    lienSiteWeb: text("lien_site_web"),
    /** Notice as a link (`lien_notice`); an uploaded notice is an attachment with purpose `demarche_notice`. */
    lienNotice: text("lien_notice"),
    /** « Message de fin de dépôt » shown to the usager after submission. */
    messageFinDepot: text("message_fin_depot"),
    /** Show the estimated fill duration on /commencer (`estimated_duration_visible`, default on). */
    estimatedDurationVisible: boolean("estimated_duration_visible").notNull().default(true),
    /** The organisation card shown to usagers (one of an administrateur's services). */
    serviceId: integer("service_id").references((): AnyPgColumn => services.id, { onDelete: "set null" }),
    /**
     * The reference's `instructeurs_self_management_enabled`: instructeurs add and remove the
     * instructeurs of their own groupes (`/procedures/<id>/groupes`).
     */
    instructeursSelfManagementEnabled: boolean("instructeurs_self_management_enabled").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("demarches_path_key").on(t.path),
    index("demarches_auto_archive_on_idx").on(t.autoArchiveOn),
    index("demarches_service_idx").on(t.serviceId),
  ],
);

/**
 * An organisation card (the reference's `services`): owned by one administrateur, reused across
 * their démarches, shown to usagers on /commencer and on their dossiers.
 */
export const services = pgTable(
  "services",
  {
    id: serial("id").primaryKey(),
    administrateurId: integer("administrateur_id")
      .notNull()
      .references(() => administrateurs.id, { onDelete: "cascade" }),
    nom: text("nom").notNull(),
    organisme: text("organisme").notNull(),
    typeOrganisme: text("type_organisme").notNull().$type<TypeOrganisme>(),
    siret: text("siret"),
    email: text("email").notNull(),
    telephone: text("telephone").notNull(),
    horaires: text("horaires").notNull(),
    adresse: text("adresse").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("services_administrateur_idx").on(t.administrateurId)],
);

/**
 * Every path a démarche has had (the reference's `procedure_paths`): the current one is
 * `demarches.path`; older ones answer a 301 to it. A path belongs to one démarche at a time.
 */
export const demarchePaths = pgTable(
  "demarche_paths",
  {
    path: text("path").primaryKey(),
    demarcheId: integer("demarche_id")
      .notNull()
      .references(() => demarches.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("demarche_paths_demarche_idx").on(t.demarcheId)],
);

export const demarcheAdministrateurs = pgTable(
  "demarche_administrateurs",
  {
    demarcheId: integer("demarche_id")
      .notNull()
      .references(() => demarches.id, { onDelete: "cascade" }),
    administrateurId: integer("administrateur_id")
      .notNull()
      .references(() => administrateurs.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.demarcheId, t.administrateurId] }),
    index("demarche_administrateurs_admin_idx").on(t.administrateurId),
  ],
);

export const revisions = pgTable(
  "revisions",
  {
    id: serial("id").primaryKey(),
    demarcheId: integer("demarche_id")
      .notNull()
      .references(() => demarches.id, { onDelete: "cascade" }),
    publishedAt: tstz("published_at"),
    /** Ineligibility rules (same condition AST as visibility): when they match, submission is refused with the message. */
    ineligibiliteEnabled: boolean("ineligibilite_enabled").notNull().default(false),
    ineligibiliteMessage: text("ineligibilite_message"),
    ineligibiliteRules: jsonb("ineligibilite_rules").$type<unknown>(),
    createdAt: createdAt(),
  },
  (t) => [index("revisions_demarche_idx").on(t.demarcheId)],
);

/** Field definitions; rows are shared by revisions and copied on write once published. */
export const typesDeChamp = pgTable(
  "types_de_champ",
  {
    id: serial("id").primaryKey(),
    /** Durable identity of the field across revisions (= the first row's id). */
    stableId: integer("stable_id").notNull(),
    typeChamp: text("type_champ").notNull().$type<TypeChamp>(),
    libelle: text("libelle").notNull(),
    description: text("description"),
    mandatory: boolean("mandatory").notNull().default(true),
    private: boolean("private").notNull().default(false),
    options: jsonb("options").notNull().default(sql`'{}'::jsonb`).$type<Record<string, unknown>>(),
    condition: jsonb("condition").$type<unknown>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("types_de_champ_stable_id_idx").on(t.stableId)],
);

/** Ordered tree of the fields of one revision (parent = repetition block). */
export const revisionTypesDeChamp = pgTable(
  "revision_types_de_champ",
  {
    id: serial("id").primaryKey(),
    revisionId: integer("revision_id")
      .notNull()
      .references(() => revisions.id, { onDelete: "cascade" }),
    typeDeChampId: integer("type_de_champ_id")
      .notNull()
      .references(() => typesDeChamp.id),
    parentId: integer("parent_id"),
    position: integer("position").notNull(),
  },
  (t) => [index("revision_types_de_champ_revision_idx").on(t.revisionId, t.position)],
);

export const groupesInstructeurs = pgTable(
  "groupes_instructeurs",
  {
    id: serial("id").primaryKey(),
    demarcheId: integer("demarche_id")
      .notNull()
      .references(() => demarches.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    closed: boolean("closed").notNull().default(false),
    isDefault: boolean("is_default").notNull().default(false),
    /**
     * Routing rule (a condition AST of `server/domain/conditions`): at submission the first open
     * groupe whose rule matches the dossier receives it, else the default groupe. Null: no rule.
     */
    routingRule: jsonValue("routing_rule"),
    /**
     * Where routing finds the rule (`server/domain/routing/routing-keys.ts`): `term:stableId:text` for a
     * rule « field op "text" » (text ≤ 500 characters: an index entry), `*` for any other rule, null without one. Computed by PostgreSQL from
     * the rule, so no writer can leave it stale.
     */
    routingKey: text("routing_key").generatedAlwaysAs(sql`case
      when routing_rule is null then null
      when routing_rule->>'term' in ('Logic::Eq', 'Logic::InDepartementOperator', 'Logic::InRegionOperator')
        and routing_rule->'left'->>'term' = 'Logic::ChampValue'
        and jsonb_typeof(routing_rule->'left'->'stable_id') = 'number'
        and (routing_rule->'left'->>'stable_id') ~ '^[0-9]{1,15}$'
        and routing_rule->'right'->>'term' = 'Logic::Constant'
        and jsonb_typeof(routing_rule->'right'->'value') = 'string'
        and length(routing_rule->'right'->>'value') <= 500
      then (routing_rule->>'term') || ':' || (routing_rule->'left'->>'stable_id') || ':' || (routing_rule->'right'->>'value')
      else '*' end`),
    /**
     * The groupe's « informations de contact » (`GroupeContact` of server/domain/groupes/contact.ts),
     * shown to the usager on their dossier instead of the démarche's; null: none.
     */
    contactInformation: jsonb("contact_information").$type<GroupeContact>(),
    /** The groupe's signature image (an `attachments` row, purpose `groupe_signature`), for attestations. */
    signatureAttachmentId: uuid("signature_attachment_id").references((): AnyPgColumn => attachments.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
  },
  (t) => [
    index("groupes_instructeurs_demarche_idx").on(t.demarcheId),
    // Labels are unique in a démarche: the CSV import and simple routing upsert by label.
    uniqueIndex("groupes_instructeurs_demarche_label_key").on(t.demarcheId, t.label),
    // Routing at submission: one lookup by the dossier's keys, plus the default groupe.
    index("groupes_instructeurs_routing_key_idx").on(t.demarcheId, t.routingKey),
    index("groupes_instructeurs_default_idx").on(t.demarcheId).where(sql`is_default`),
  ],
);

export const groupeInstructeurMembers = pgTable(
  "groupe_instructeur_members",
  {
    groupeInstructeurId: integer("groupe_instructeur_id")
      .notNull()
      .references(() => groupesInstructeurs.id, { onDelete: "cascade" }),
    instructeurId: integer("instructeur_id")
      .notNull()
      .references(() => instructeurs.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.groupeInstructeurId, t.instructeurId] }),
    index("groupe_instructeur_members_instructeur_idx").on(t.instructeurId),
  ],
);

/**
 * A large groupes CSV import (more than `GROUPES_IMPORT_SYNC_MAX_ROWS` rows) run by the
 * `import-groupes` job: the validated file is kept in storage until the import ends, rows are written
 * in chunks, `processed_count` says how far it went (decision 0015).
 */
export const groupesImports = pgTable(
  "groupes_imports",
  {
    id: serial("id").primaryKey(),
    demarcheId: integer("demarche_id")
      .notNull()
      .references(() => demarches.id, { onDelete: "cascade" }),
    /** `email` records go into this groupe; null: `groupe,email` records. */
    groupeInstructeurId: integer("groupe_instructeur_id").references(() => groupesInstructeurs.id, {
      onDelete: "cascade",
    }),
    administrateurId: integer("administrateur_id")
      .notNull()
      .references(() => administrateurs.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    state: text("state").notNull().default("pending").$type<"pending" | "running" | "done" | "failed">(),
    /** The uploaded file in storage, removed when the import ends. */
    fileKey: text("file_key"),
    totalCount: integer("total_count").notNull(),
    processedCount: integer("processed_count").notNull().default(0),
    groupesCreated: integer("groupes_created").notNull().default(0),
    membershipsAdded: integer("memberships_added").notNull().default(0),
    instructeursAdded: integer("instructeurs_added").notNull().default(0),
    /** Refusals (`Refusal[]` of server/refusal.ts) when the stored file no longer validates, else null. */
    errors: jsonb("errors").$type<Array<{ code: string; field: string; params?: Record<string, string | number> }>>(),
    locale: text("locale").notNull().default("fr"),
    createdAt: createdAt(),
    /** Last time a chunk was written (or the import was resumed): the stuck-import sweep's clock. */
    progressedAt: tstz("progressed_at").notNull().defaultNow(),
    /** How many times the sweep re-enqueued this import after its job was lost. */
    resumeCount: integer("resume_count").notNull().default(0),
    finishedAt: tstz("finished_at"),
  },
  (t) => [index("groupes_imports_demarche_idx").on(t.demarcheId, t.id), index("groupes_imports_file_key_idx").on(t.fileKey)],
);

// ---------------------------------------------------------------- dossiers

export const dossiers = pgTable(
  "dossiers",
  {
    /** The public dossier number. */
    id: serial("id").primaryKey(),
    demarcheId: integer("demarche_id")
      .notNull()
      .references(() => demarches.id, { onDelete: "cascade" }),
    revisionId: integer("revision_id")
      .notNull()
      .references(() => revisions.id),
    /**
     * The revision the usager last saw, when a publication has since moved the dossier to a newer
     * one: its form changes are shown to the usager until acknowledged (null: nothing to show).
     */
    rebasedFromRevisionId: integer("rebased_from_revision_id").references(() => revisions.id, { onDelete: "set null" }),
    groupeInstructeurId: integer("groupe_instructeur_id").references(() => groupesInstructeurs.id),
    /** An instructeur moved it by hand: submissions and re-routing leave its groupe alone. */
    groupeForced: boolean("groupe_forced").notNull().default(false),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    state: text("state").notNull().default("brouillon").$type<DossierState>(),
    /** Identity of the demandeur (for_individual démarches). */
    civilite: text("civilite").$type<"M." | "Mme">(),
    nom: text("nom"),
    prenom: text("prenom"),
    identityUpdatedAt: tstz("identity_updated_at"),
    /** Filed by a mandataire for the person above (the bénéficiaire), as the reference's `for_tiers`. */
    forTiers: boolean("for_tiers").notNull().default(false),
    mandataireFirstName: text("mandataire_first_name"),
    mandataireLastName: text("mandataire_last_name"),
    /** The bénéficiaire's e-mail, copied on the state e-mails (null: not notified). */
    beneficiaireEmail: text("beneficiaire_email"),
    motivation: text("motivation"),
    /** Test dossiers are filled on the draft of an unpublished démarche and deleted at publication. */
    forTest: boolean("for_test").notNull().default(false),
    /** Created by prefill (URL or REST API); orphan (no user) until claimed with its token. */
    prefilled: boolean("prefilled").notNull().default(false),
    /** Secret token of a prefilled dossier, as the reference's `prefill_token`. */
    prefillToken: text("prefill_token"),
    deposeAt: tstz("depose_at"),
    enConstructionAt: tstz("en_construction_at"),
    enInstructionAt: tstz("en_instruction_at"),
    processedAt: tstz("processed_at"),
    lastChampUpdatedAt: tstz("last_champ_updated_at"),
    /** SVA/SVR: the day of the automatic decision (recomputed on submission and corrections). */
    svaSvrDecisionOn: date("sva_svr_decision_on", { mode: "string" }),
    /** SVA/SVR: when the platform took the decision (it does so once). */
    svaSvrDecisionTriggeredAt: tstz("sva_svr_decision_triggered_at"),
    /** Declarative démarche: when the platform passed it en instruction or accepted it (once). */
    declarativeTriggeredAt: tstz("declarative_triggered_at"),
    /** Accusé de lecture: when the usager acknowledged the decision (null: not yet, or no decision). */
    accuseLectureAgreementAt: tstz("accuse_lecture_agreement_at"),
    /** Archived by an instructeur (terminé dossiers only): out of the traités/tous tabs, messagerie closed. */
    archived: boolean("archived").notNull().default(false),
    archivedAt: tstz("archived_at"),
    /** E-mail of the instructeur who archived it, as the reference's `archived_by`. */
    archivedBy: text("archived_by"),
    /** Put in the corbeille by the administration (terminé dossiers): the « supprimés » tab. */
    hiddenByAdministrationAt: tstz("hidden_by_administration_at"),
    /** Deleted by the usager (an en_construction dossier hidden so disappears for instructeurs). */
    hiddenByUserAt: tstz("hidden_by_user_at"),
    /**
     * When the dossier reaches the end of its conservation (§2.6, simplified): en_construction_at or
     * processed_at + the démarche's durée de conservation; null otherwise. Kept by a trigger.
     */
    expiredAt: tstz("expired_at"),
    /** Months of conservation added by « conserver plus longtemps » (usager: the démarche's durée; instructeur: 1). */
    conservationExtension: integer("conservation_extension").notNull().default(0),
    /** The usager was told the dossier expires soon: it expires 2 weeks later (reset by a state change or an extension). */
    expirationNoticeSentAt: tstz("expiration_notice_sent_at"),
    /** Hidden because it expired (the reference's `hidden_by_expired_at`): purged 2 weeks later unless extended. */
    hiddenByExpiredAt: tstz("hidden_by_expired_at"),
    /** How many instructeurs follow it (kept by a trigger on follows): « à suivre » is 0. */
    followersCount: integer("followers_count").notNull().default(0),
    /** Optimistic lock: every write of the dossier or its champs bumps it. */
    lockVersion: integer("lock_version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("dossiers_user_idx").on(t.userId, t.updatedAt.desc()),
    uniqueIndex("dossiers_prefill_token_key").on(t.prefillToken),
    index("dossiers_demarche_state_idx").on(t.demarcheId, t.state, t.id),
    index("dossiers_groupe_state_idx").on(t.groupeInstructeurId, t.state, t.id),
    index("dossiers_demarche_depose_idx").on(t.demarcheId, t.deposeAt, t.id),
    index("dossiers_demarche_updated_idx").on(t.demarcheId, t.updatedAt, t.id),
    // Instructeur tabs: what an instructeur may see (never brouillons nor test dossiers), in list order,
    // with the groupe and state so that tab counters are index-only scans.
    index("dossiers_instructeur_visible_idx")
      .on(t.demarcheId, t.updatedAt, t.id, t.groupeInstructeurId, t.state)
      .where(sql`state <> 'brouillon' and for_test = false`),
    // "À suivre" / "suivis" tabs: only dossiers en cours, usually a small part of a large démarche.
    index("dossiers_instructeur_en_cours_idx")
      .on(t.demarcheId, t.updatedAt, t.id, t.groupeInstructeurId)
      .where(sql`state in ('en_construction', 'en_instruction') and for_test = false`),
    // Archivés and supprimés tabs: small parts of a démarche, each with its own narrow index.
    index("dossiers_instructeur_archives_idx")
      .on(t.demarcheId, t.updatedAt, t.id, t.groupeInstructeurId)
      .where(sql`archived and for_test = false`),
    // Notifications-first sort: « not taken in charge » candidates (en construction, nobody following),
    // in list order; the 7-day age is checked on the rows (it moves with the clock).
    index("dossiers_not_taken_in_charge_idx")
      .on(t.demarcheId, t.updatedAt, t.id, t.groupeInstructeurId)
      .where(sql`state = 'en_construction' and followers_count = 0 and for_test = false`),
    index("dossiers_instructeur_supprimes_idx")
      .on(t.demarcheId, t.updatedAt, t.id, t.groupeInstructeurId)
      .where(
        sql`(hidden_by_administration_at is not null or (state in ('accepte', 'refuse', 'sans_suite') and hidden_by_expired_at is not null)) and for_test = false`,
      ),
    // The daily SVA/SVR job and the stalled declarative cron: dossiers en cours not yet decided by the platform.
    index("dossiers_sva_svr_idx")
      .on(t.demarcheId, t.id)
      .where(sql`state in ('en_construction', 'en_instruction') and sva_svr_decision_triggered_at is null`),
    index("dossiers_expired_idx").on(t.demarcheId, t.expiredAt, t.id).where(sql`expired_at is not null and for_test = false`),
    // The daily expiry jobs: dossiers by expiry date, brouillons and test dossiers included.
    index("dossiers_expiry_job_idx").on(t.expiredAt, t.id).where(sql`expired_at is not null`),
    // The daily purge: dossiers hidden by someone (a small part of the table).
    index("dossiers_hidden_idx")
      .on(t.id)
      .where(sql`hidden_by_user_at is not null or hidden_by_administration_at is not null or hidden_by_expired_at is not null`),
    // Statistics' processing times: decided dossiers the administration sees, by decision time, with
    // the deposit time in the index so that a month or the last 30 days are an index-only range scan.
    index("dossiers_stats_processed_idx")
      .on(t.demarcheId, t.processedAt, t.deposeAt)
      .where(
        sql`state in ('accepte', 'refuse', 'sans_suite') and for_test = false and hidden_by_administration_at is null and processed_at is not null and depose_at is not null`,
      ),
  ],
);

/**
 * Tombstones of purged dossiers (the reference's `deleted_dossiers`, GraphQL `deletedDossiers`): a
 * submitted dossier leaves its number, state and reason when the daily purge deletes it.
 */
export const deletedDossiers = pgTable(
  "deleted_dossiers",
  {
    id: serial("id").primaryKey(),
    /** The purged dossier's id (its number); no foreign key, the dossier is gone. */
    dossierId: integer("dossier_id").notNull(),
    demarcheId: integer("demarche_id")
      .notNull()
      .references(() => demarches.id, { onDelete: "cascade" }),
    groupeInstructeurId: integer("groupe_instructeur_id").references(() => groupesInstructeurs.id, { onDelete: "set null" }),
    revisionId: integer("revision_id"),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    state: text("state").notNull().$type<DossierState>(),
    reason: text("reason").notNull().$type<DeletionReason>(),
    deposeAt: tstz("depose_at"),
    deletedAt: tstz("deleted_at").notNull(),
  },
  (t) => [
    uniqueIndex("deleted_dossiers_dossier_key").on(t.dossierId),
    index("deleted_dossiers_demarche_idx").on(t.demarcheId, t.deletedAt, t.id),
    index("deleted_dossiers_groupe_idx").on(t.groupeInstructeurId, t.deletedAt, t.id),
  ],
);

/**
 * Tab counters, kept by a trigger on `dossiers` in the same transaction as every change: one row per
 * (démarche, groupe instructeur, bucket). Buckets: `tous`, `a-suivre`, `traites`, `archives`,
 * `supprimes`, and `expire:YYYY-MM-DD` (dossiers whose conservation ends that day). A tab's counter
 * is the sum over the instructeur's groupes: a handful of rows, whatever the démarche's size.
 * `groupe_instructeur_id` 0 stands for "no groupe" (never visible, kept for the recount).
 */
/**
 * The établissement a dossier of a personnes-morales démarche is filed for (the reference's
 * `etablissements`): its SIRET, and what API Entreprise said (`data`, server/domain/entreprises).
 * Degraded mode: the API was down or slow, the SIRET is kept with `data` null and `degraded_since`
 * set; the `fetch-etablissement` job fills it later, and final decisions wait for it.
 */
export const etablissements = pgTable(
  "etablissements",
  {
    id: serial("id").primaryKey(),
    dossierId: integer("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    siret: text("siret").notNull(),
    data: jsonb("data").$type<unknown>(),
    /** Set while the data is missing (API down or slow); null once fetched. */
    degradedSince: tstz("degraded_since"),
    fetchAttempts: integer("fetch_attempts").notNull().default(0),
    /** The last failure (`unavailable: timeout`, `not_found`…), for instructeurs and operators. */
    lastError: text("last_error"),
    fetchedAt: tstz("fetched_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("etablissements_dossier_key").on(t.dossierId),
    index("etablissements_degraded_idx").on(t.degradedSince).where(sql`degraded_since is not null`),
  ],
);

export const dossierCounters = pgTable(
  "dossier_counters",
  {
    demarcheId: integer("demarche_id").notNull(),
    groupeInstructeurId: integer("groupe_instructeur_id").notNull(),
    bucket: text("bucket").notNull(),
    count: bigint("count", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.demarcheId, t.groupeInstructeurId, t.bucket] })],
);

/**
 * Statistics rollup, kept by a trigger on `dossiers` (`dossier_stats_apply`, hand-written SQL of
 * migration 0010) in the same transaction as every change: how many dossiers count for `metric` on
 * `day` (Europe/Paris calendar). Metrics (`dossier_stats_keys`): `tous` (created, brouillons
 * included, by creation day), `deposes` (seen by the administration, by deposit day), `instruction`
 * (instruction started, by deposit day), `accepte` / `refuse` / `sans_suite` (by decision day). A
 * décidé dossier deleted stays counted, as the reference's tombstones do.
 */
export const dossierStatsDaily = pgTable(
  "dossier_stats_daily",
  {
    demarcheId: integer("demarche_id").notNull(),
    metric: text("metric").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    count: bigint("count", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.demarcheId, t.metric, t.day] })],
);

/**
 * Processing time of a closed month (winsorized mean of decision − deposit, seconds), computed once
 * from `dossiers_stats_processed_idx` and kept while the month's decided count in the rollup
 * (`dossiers`) is unchanged.
 */
export const demarcheStatsMonths = pgTable(
  "demarche_stats_months",
  {
    demarcheId: integer("demarche_id")
      .notNull()
      .references(() => demarches.id, { onDelete: "cascade" }),
    month: date("month", { mode: "string" }).notNull(),
    dossiers: bigint("dossiers", { mode: "number" }).notNull(),
    meanSeconds: doublePrecision("mean_seconds"),
    computedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.demarcheId, t.month] })],
);

/**
 * Full-text search document of a dossier (number, e-mail, identity, every field value), normalised
 * in the application (lower case, accents removed: PGlite has no `unaccent`) and indexed as a
 * `simple` tsvector expression. Rewritten when the dossier's values or identity are saved.
 */
export const dossierSearch = pgTable(
  "dossier_search",
  {
    dossierId: integer("dossier_id")
      .primaryKey()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    demarcheId: integer("demarche_id").notNull(),
    document: text("document").notNull(),
    /**
     * What an expert may search (their avis hide the annotations privées): the document without
     * the annotations' words; null when the document has none (read `document` then). Not indexed:
     * an expert's search reads only the dossiers of their avis. Rows written before this column
     * hold '' (match nothing for experts) until their dossier is indexed again.
     */
    publicDocument: text("public_document").default(""),
  },
  (t) => [
    index("dossier_search_document_idx").using("gin", sql`to_tsvector('simple', ${t.document})`),
    index("dossier_search_demarche_idx").on(t.demarcheId),
  ],
);

/**
 * Typed, indexable copy of each top-level field value (public fields and annotations), for the
 * instructeur list's filters and sorts: one row per (dossier, stable_id), kept with the champs.
 */
export const dossierValues = pgTable(
  "dossier_values",
  {
    dossierId: integer("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    demarcheId: integer("demarche_id").notNull(),
    stableId: integer("stable_id").notNull(),
    /** Display text, normalised (lower case, no accents) for « contient ». */
    text: text("text"),
    number: doublePrecision("number"),
    date: date("date", { mode: "string" }),
    bool: boolean("bool"),
  },
  (t) => [
    primaryKey({ columns: [t.dossierId, t.stableId] }),
    index("dossier_values_text_idx").on(t.demarcheId, t.stableId, t.text, t.dossierId),
    index("dossier_values_number_idx").on(t.demarcheId, t.stableId, t.number, t.dossierId),
    index("dossier_values_date_idx").on(t.demarcheId, t.stableId, t.date, t.dossierId),
    // « contient » filters (`text like '%…%'`, 3 characters or more): pg_trgm, on PostgreSQL and PGlite.
    index("dossier_values_text_trgm_idx").using("gin", sql`${t.text} gin_trgm_ops`),
  ],
);

/** The columns an instructeur chose for a démarche's list (ProcedurePresentation), saved. */
export const instructeurPresentations = pgTable(
  "instructeur_presentations",
  {
    instructeurId: integer("instructeur_id")
      .notNull()
      .references(() => instructeurs.id, { onDelete: "cascade" }),
    demarcheId: integer("demarche_id")
      .notNull()
      .references(() => demarches.id, { onDelete: "cascade" }),
    /** Column ids (`self/depose_at`, `field/123`…), in display order. */
    displayedColumns: jsonb("displayed_columns").$type<string[]>().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.instructeurId, t.demarcheId] })],
);

/** Values, keyed by stable_id (never by type_de_champ id) so that they survive revisions. */
export const champs = pgTable(
  "champs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    dossierId: integer("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    stream: text("stream").notNull().default("main"),
    stableId: integer("stable_id").notNull(),
    rowId: text("row_id").notNull().default(""),
    typeChamp: text("type_champ").notNull().$type<TypeChamp>(),
    /** The stored value, in the shape of its type's value schema. */
    value: jsonValue("value"),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("champs_dossier_stream_stable_row_key").on(t.dossierId, t.stream, t.stableId, t.rowId)],
);

/** State history: one row per transition, written in the same transaction as the state change. */
export const traitements = pgTable(
  "traitements",
  {
    id: serial("id").primaryKey(),
    dossierId: integer("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    event: text("event").notNull().$type<TraitementEvent>(),
    fromState: text("from_state").notNull().$type<DossierState>(),
    state: text("state").notNull().$type<DossierState>(),
    motivation: text("motivation"),
    /** Who made the change: null for the usager's own submission or an automatic transition. */
    instructeurEmail: text("instructeur_email"),
    actorUserId: integer("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    revisionId: integer("revision_id"),
    processedAt: tstz("processed_at").notNull().defaultNow(),
  },
  (t) => [index("traitements_dossier_idx").on(t.dossierId, t.processedAt)],
);

/**
 * The domain event stream (architecture §8, decision 0009): one row per change that something
 * reacts to, written in the same transaction as the change and never updated. Notifications,
 * e-mails, webhooks, the operation log and statistics all read it instead of re-deriving changes.
 */
export const events = pgTable(
  "events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull().$type<EventKind>(),
    demarcheId: integer("demarche_id")
      .notNull()
      .references(() => demarches.id, { onDelete: "cascade" }),
    /** Null for an event about the démarche itself. Purged with the dossier (retention rules). */
    dossierId: integer("dossier_id").references(() => dossiers.id, { onDelete: "cascade" }),
    actor: text("actor").notNull().$type<EventActor>(),
    actorUserId: integer("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    payload: jsonValue("payload").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // A dossier's history and its badges ("events newer than what I last saw").
    index("events_dossier_idx").on(t.dossierId, t.id),
    // A démarche's activity (digests, statistics, webhooks replay).
    index("events_demarche_idx").on(t.demarcheId, t.id),
    // Kinds that notify every instructeur of the groupe: what a new member's notifications are rebuilt from.
    index("events_notify_all_idx")
      .on(t.dossierId)
      .where(sql`kind in ('dossier.expirant', 'dossier.supprime', 'dossier.supprime_par_usager')`),
  ],
);

export const follows = pgTable(
  "follows",
  {
    instructeurId: integer("instructeur_id")
      .notNull()
      .references(() => instructeurs.id, { onDelete: "cascade" }),
    dossierId: integer("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.instructeurId, t.dossierId] }), index("follows_dossier_idx").on(t.dossierId)],
);

/**
 * Files: bytes live in the storage adapter (never in the database); a row says what the file is and
 * what it belongs to. Champ files (piece_justificative, titre_identite) belong to a dossier and a
 * champ (stable_id + row_id); notice/model files belong to a type de champ of a démarche.
 */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Key in the storage adapter (local directory or S3 bucket). */
    storageKey: text("storage_key").notNull(),
    filename: text("filename").notNull(),
    /** Sniffed from the bytes, not taken from the browser. */
    contentType: text("content_type").notNull(),
    byteSize: bigint("byte_size", { mode: "number" }).notNull(),
    /** SHA-256, hex. */
    checksum: text("checksum").notNull(),
    purpose: text("purpose").notNull().$type<
      | "champ"
      | "notice_explicative"
      | "piece_justificative_template"
      | "avis_introduction"
      | "avis_reponse"
      | "message"
      | "demarche_logo"
      | "demarche_notice"
      | "demarche_deliberation"
      /** Uploaded through the API's `createDirectUpload`, not yet given to a mutation. */
      | "direct_upload"
      /** The justificatif of a decision given through the API (`Dossier.motivationAttachment`). */
      | "justificatif"
      /**
       * A batch decision's justificatif, uploaded once (`demarcheId`, uploader): each decided
       * dossier gets a `justificatif` row sharing its storage key (batch-justificatif.ts).
       */
      | "batch_justificatif"
      | "groupe_signature"
    >(),
    /** The démarche a `demarche_*` file (logo, notice, délibération) belongs to. */
    demarcheId: integer("demarche_id").references((): AnyPgColumn => demarches.id, { onDelete: "cascade" }),
    /** The avis an `avis_*` file belongs to; null while uploaded but not yet attached by its operation. */
    avisId: integer("avis_id").references(() => avis.id, { onDelete: "cascade" }),
    /**
     * Message attachments (purpose "message"): null while the file waits for its message to be
     * sent (uploaded with a form that was refused), then the message it belongs to.
     */
    commentaireId: integer("commentaire_id").references((): AnyPgColumn => commentaires.id, { onDelete: "cascade" }),
    dossierId: integer("dossier_id").references(() => dossiers.id, { onDelete: "cascade" }),
    stableId: integer("stable_id"),
    rowId: text("row_id").notNull().default(""),
    typeDeChampId: integer("type_de_champ_id").references(() => typesDeChamp.id, { onDelete: "cascade" }),
    uploadedByUserId: integer("uploaded_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    // Not unique: copy-on-write copies of a type de champ share their notice file's bytes.
    index("attachments_storage_key_idx").on(t.storageKey),
    index("attachments_dossier_idx").on(t.dossierId, t.stableId, t.rowId),
    index("attachments_type_de_champ_idx").on(t.typeDeChampId),
    index("attachments_commentaire_idx").on(t.commentaireId),
    index("attachments_demarche_idx").on(t.demarcheId),
  ],
);

// ---------------------------------------------------------------- avis d'experts

/**
 * An expert on a démarche (the reference's `experts_procedures`): listed by the administrateur, or
 * created when an instructeur first asks them. `allowDecisionAccess`: the expert is e-mailed the
 * final decision on dossiers they answered; `revokedAt`: removed from the démarche's list (they can
 * no longer be asked; avis already requested are left alone, as the reference does).
 */
export const expertsProcedures = pgTable(
  "experts_procedures",
  {
    id: serial("id").primaryKey(),
    expertId: integer("expert_id")
      .notNull()
      .references(() => experts.id, { onDelete: "cascade" }),
    demarcheId: integer("demarche_id")
      .notNull()
      .references(() => demarches.id, { onDelete: "cascade" }),
    allowDecisionAccess: boolean("allow_decision_access").notNull().default(false),
    /** Put on the démarche's list by an administrateur (rather than by an instructeur's request). */
    listedByAdministrateur: boolean("listed_by_administrateur").notNull().default(false),
    revokedAt: tstz("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("experts_procedures_expert_demarche_key").on(t.expertId, t.demarcheId),
    index("experts_procedures_demarche_idx").on(t.demarcheId),
  ],
);

/**
 * A request for an expert's opinion on a dossier, and its answer. The claimant is the instructeur
 * (or expert) who asked. `confidentiel`: the answer is seen by the instructeurs (and the claimant)
 * only. A revoked avis is out of every view but the instructeurs' history.
 */
export const avis = pgTable(
  "avis",
  {
    id: serial("id").primaryKey(),
    dossierId: integer("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    expertsProcedureId: integer("experts_procedure_id")
      .notNull()
      .references(() => expertsProcedures.id, { onDelete: "cascade" }),
    claimantInstructeurId: integer("claimant_instructeur_id").references(() => instructeurs.id, { onDelete: "set null" }),
    claimantExpertId: integer("claimant_expert_id").references(() => experts.id, { onDelete: "set null" }),
    introduction: text("introduction").notNull(),
    confidentiel: boolean("confidentiel").notNull().default(false),
    /** The expert may read the dossier's annotations privées. */
    annotationsVisible: boolean("annotations_visible").notNull().default(false),
    questionLabel: text("question_label"),
    questionAnswer: boolean("question_answer"),
    answer: text("answer"),
    answeredAt: tstz("answered_at"),
    remindedAt: tstz("reminded_at"),
    revokedAt: tstz("revoked_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("avis_dossier_idx").on(t.dossierId), index("avis_experts_procedure_idx").on(t.expertsProcedureId)],
);

// ---------------------------------------------------------------- messagerie

/**
 * The messagerie of a dossier: messages of the usager, instructeurs, experts and the platform
 * (system copies of the state-change e-mails). A deleted message keeps its row (« Message
 * supprimé »): body emptied, attachments removed, `discarded_at` set.
 */
export const commentaires = pgTable(
  "commentaires",
  {
    id: serial("id").primaryKey(),
    dossierId: integer("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    authorKind: text("author_kind").notNull().$type<"usager" | "instructeur" | "expert" | "system">(),
    authorUserId: integer("author_user_id").references(() => users.id, { onDelete: "set null" }),
    instructeurId: integer("instructeur_id").references(() => instructeurs.id, { onDelete: "set null" }),
    expertId: integer("expert_id").references(() => experts.id, { onDelete: "set null" }),
    /** The sender's e-mail as shown (the platform's contact address for system messages). */
    email: text("email").notNull(),
    /** Sanitized HTML (limited formatting); empty once discarded. */
    body: text("body").notNull(),
    discardedAt: tstz("discarded_at"),
    createdAt: createdAt(),
  },
  (t) => [index("commentaires_dossier_idx").on(t.dossierId, t.id)],
);

/** A message flagged as a correction request; pending until `resolved_at` (at most one pending per dossier). */
export const dossierCorrections = pgTable(
  "dossier_corrections",
  {
    id: serial("id").primaryKey(),
    dossierId: integer("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    commentaireId: integer("commentaire_id")
      .notNull()
      .references(() => commentaires.id, { onDelete: "cascade" }),
    reason: text("reason").notNull().$type<"incorrect" | "incomplete" | "outdated">(),
    resolvedAt: tstz("resolved_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("dossier_corrections_commentaire_key").on(t.commentaireId),
    uniqueIndex("dossier_corrections_pending_key").on(t.dossierId).where(sql`resolved_at is null`),
  ],
);

// ---------------------------------------------------------------- mail

/** The local mailbox of embedded/development mode: what would have been sent by SMTP. */
/** A file attached to a mail of the local mailbox. */
export interface MailboxAttachment {
  filename: string;
  contentType: string;
  byteSize: number;
  base64: string;
}

export const mailboxMessages = pgTable(
  "mailbox_messages",
  {
    id: serial("id").primaryKey(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    /** Attached files (the PDF receipt…), bytes in base64: a development mailbox, never large. */
    attachments: jsonb("attachments").$type<MailboxAttachment[]>(),
    createdAt: createdAt(),
  },
  (t) => [index("mailbox_messages_to_idx").on(t.to, t.id)],
);

/**
 * Mails already handed to the mailer, by the job that sent them: a job run again after its worker
 * died (or after a failure once the mail was out) does not send it twice.
 */
export const mailDeliveries = pgTable("mail_deliveries", {
  jobId: text("job_id").primaryKey(),
  sentAt: tstz("sent_at").notNull().defaultNow(),
});

/**
 * Liveness of job workers (graphile-worker's worker pool ids, which lock jobs): each running pool
 * refreshes its row;
 * a row left stale means its process died, and the jobs it had locked are unlocked for others.
 */
export const workerHeartbeats = pgTable("worker_heartbeats", {
  workerId: text("worker_id").primaryKey(),
  lastSeenAt: tstz("last_seen_at").notNull().defaultNow(),
});

// ---------------------------------------------------------------- e-mail templates

/**
 * The démarche's customised state e-mails (the reference's `initiated_mails`… `re_instructed_mails`
 * in one table): subject and body with `--tags--`, the body sanitized HTML or plain text. No row:
 * the built-in e-mail is sent. Reset to default deletes the row.
 */
export const mailTemplates = pgTable(
  "mail_templates",
  {
    demarcheId: integer("demarche_id")
      .notNull()
      .references(() => demarches.id, { onDelete: "cascade" }),
    kind: text("kind").notNull().$type<MailTemplateKind>(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.demarcheId, t.kind] })],
);

// ---------------------------------------------------------------- attestations

/**
 * The démarche's attestation templates (the reference's `attestation_templates`), one per kind
 * (acceptation, refus): title and body with `--tags--` (plain text), footer, the « République
 * française » layout option, and logo and signature images (PNG/JPEG in storage). `activated`:
 * an attestation is generated when a dossier is accepted (refused).
 */
export const attestationTemplates = pgTable(
  "attestation_templates",
  {
    demarcheId: integer("demarche_id")
      .notNull()
      .references(() => demarches.id, { onDelete: "cascade" }),
    kind: text("kind").notNull().$type<AttestationTemplateKind>(),
    title: text("title").notNull().default(""),
    body: text("body").notNull().default(""),
    footer: text("footer").notNull().default(""),
    officialLayout: boolean("official_layout").notNull().default(true),
    activated: boolean("activated").notNull().default(false),
    logoKey: text("logo_key"),
    logoContentType: text("logo_content_type"),
    signatureKey: text("signature_key"),
    signatureContentType: text("signature_content_type"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.demarcheId, t.kind] })],
);

/**
 * A dossier's attestation (the reference's `attestations`): the PDF generated when it was accepted
 * or refused with an activated template; deleted when it goes back en instruction.
 */
export const attestations = pgTable("attestations", {
  dossierId: integer("dossier_id")
    .primaryKey()
    .references(() => dossiers.id, { onDelete: "cascade" }),
  kind: text("kind").notNull().$type<AttestationTemplateKind>(),
  storageKey: text("storage_key").notNull(),
  byteSize: bigint("byte_size", { mode: "number" }).notNull(),
  checksum: text("checksum").notNull(),
  createdAt: createdAt(),
});

// ---------------------------------------------------------------- labels and notifications

/**
 * Labels an administrateur defines on a démarche (the reference's `labels`): a short name and one
 * of the DSFR colours of the API's `LabelColorEnum`, in the administrateur's order.
 */
export const labels = pgTable(
  "labels",
  {
    id: serial("id").primaryKey(),
    demarcheId: integer("demarche_id")
      .notNull()
      .references(() => demarches.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    color: text("color").notNull().$type<LabelColor>(),
    position: integer("position").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("labels_demarche_idx").on(t.demarcheId, t.position)],
);

/** Labels put on a dossier by its instructeurs. */
export const dossierLabels = pgTable(
  "dossier_labels",
  {
    dossierId: integer("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    labelId: integer("label_id")
      .notNull()
      .references(() => labels.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.labelId] }), index("dossier_labels_label_idx").on(t.labelId)],
);

/**
 * What an instructeur last saw of a dossier, as event ids (decision 0009): a badge is an event
 * newer than the id of the tab it belongs to. `last_seen_event_id` is the dossier page itself
 * (demande); the other tabs keep their own, as the reference's `follows.*_seen_at`.
 */
export const dossierViews = pgTable(
  "dossier_views",
  {
    instructeurId: integer("instructeur_id")
      .notNull()
      .references(() => instructeurs.id, { onDelete: "cascade" }),
    dossierId: integer("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    lastSeenEventId: bigint("last_seen_event_id", { mode: "number" }).notNull().default(0),
    annotationsSeenEventId: bigint("annotations_seen_event_id", { mode: "number" }).notNull().default(0),
    messagerieSeenEventId: bigint("messagerie_seen_event_id", { mode: "number" }).notNull().default(0),
    avisSeenEventId: bigint("avis_seen_event_id", { mode: "number" }).notNull().default(0),
    seenAt: tstz("seen_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.instructeurId, t.dossierId] }), index("dossier_views_dossier_idx").on(t.dossierId)],
);

/**
 * Which dossiers have an event-based notification badge for an instructeur (decision 0009's
 * `notified_by_events`: a message, modification, annotation or avis by someone else unseen on a
 * followed dossier, a deletion unseen, an expiry warning), with the dossier's `updated_at` copied
 * so that the notifications-first sort reads a page of notified dossiers as an index range scan.
 * Kept by triggers in the same transaction as each change (events, follows, dossier_views,
 * groupe members, dossiers' groupe and updated_at): migration 0032. The « not taken in charge »
 * badge moves with the clock and is read from `dossiers_not_taken_in_charge_idx` instead.
 */
export const dossierNotifications = pgTable(
  "dossier_notifications",
  {
    instructeurId: integer("instructeur_id")
      .notNull()
      .references(() => instructeurs.id, { onDelete: "cascade" }),
    dossierId: integer("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    demarcheId: integer("demarche_id").notNull(),
    updatedAt: tstz("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.instructeurId, t.dossierId] }),
    index("dossier_notifications_list_idx").on(t.instructeurId, t.demarcheId, t.updatedAt, t.dossierId),
    index("dossier_notifications_dossier_idx").on(t.dossierId),
  ],
);

/**
 * An instructeur's e-mail preferences on one démarche (the reference's `instructeurs_procedures`
 * toggles). No row: the defaults of `DEFAULT_NOTIFICATION_PREFERENCES`.
 */
export const instructeurDemarchePreferences = pgTable(
  "instructeur_demarche_preferences",
  {
    instructeurId: integer("instructeur_id")
      .notNull()
      .references(() => instructeurs.id, { onDelete: "cascade" }),
    demarcheId: integer("demarche_id")
      .notNull()
      .references(() => demarches.id, { onDelete: "cascade" }),
    instantEmailNewDossier: boolean("instant_email_new_dossier").notNull().default(false),
    instantEmailNewMessage: boolean("instant_email_new_message").notNull().default(false),
    instantEmailNewExpertAvis: boolean("instant_email_new_expert_avis").notNull().default(false),
    dailyEmailSummary: boolean("daily_email_summary").notNull().default(true),
    weeklyEmailSummary: boolean("weekly_email_summary").notNull().default(true),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.instructeurId, t.demarcheId] }),
    index("instructeur_demarche_preferences_demarche_idx").on(t.demarcheId),
  ],
);

/**
 * One row per digest e-mail decided (`daily:2026-12-07`, `weekly:2026-W50`), inserted in the same
 * transaction as the mail's job: a second run of the digest job, on this worker or another, finds
 * the row and enqueues nothing. `until_event_id` is where that digest stopped reading events.
 */
export const digestDeliveries = pgTable(
  "digest_deliveries",
  {
    instructeurId: integer("instructeur_id")
      .notNull()
      .references(() => instructeurs.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    untilEventId: bigint("until_event_id", { mode: "number" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.instructeurId, t.period] })],
);

// ---------------------------------------------------------------- batch operations

/**
 * An instructeur's batch action on dossiers of one démarche (the reference's `batch_operations`):
 * the kind, its parameters (motivation, label), and when it finished. A job processes its items
 * one by one through the single-dossier operation. Dismissed once read: hidden from the list.
 */
export const batchOperations = pgTable(
  "batch_operations",
  {
    id: serial("id").primaryKey(),
    demarcheId: integer("demarche_id")
      .notNull()
      .references(() => demarches.id, { onDelete: "cascade" }),
    instructeurId: integer("instructeur_id")
      .notNull()
      .references(() => instructeurs.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    params: jsonb("params").notNull().$type<Record<string, unknown>>().default({}),
    /**
     * `running` until every item is done, then `finished`; `failed` when its job died (no progress
     * for an hour): the sweep cron refuses its pending items so that their dossiers are free again.
     */
    state: text("state").notNull().default("running").$type<"running" | "finished" | "failed">(),
    createdAt: createdAt(),
    finishedAt: tstz("finished_at"),
    dismissedAt: tstz("dismissed_at"),
  },
  (t) => [index("batch_operations_instructeur_idx").on(t.instructeurId, t.demarcheId, t.id)],
);

/**
 * One dossier of a batch: `pending` until processed, then `succeeded` or `refused` with the
 * operation's refusal code. A dossier is pending in at most one batch (partial unique index):
 * that is « a dossier can be in only one running batch », enforced by the database.
 */
export const batchOperationItems = pgTable(
  "batch_operation_items",
  {
    batchOperationId: integer("batch_operation_id")
      .notNull()
      .references(() => batchOperations.id, { onDelete: "cascade" }),
    dossierId: integer("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    state: text("state").notNull().default("pending").$type<"pending" | "succeeded" | "refused">(),
    refusalCode: text("refusal_code"),
    refusalParams: jsonb("refusal_params").$type<Record<string, string | number>>(),
    processedAt: tstz("processed_at"),
  },
  (t) => [
    primaryKey({ columns: [t.batchOperationId, t.dossierId] }),
    uniqueIndex("batch_operation_items_running_dossier_key").on(t.dossierId).where(sql`state = 'pending'`),
    index("batch_operation_items_dossier_idx").on(t.dossierId),
  ],
);

// ---------------------------------------------------------------- exports

/**
 * One export of an instructeur's list (the reference's `Export`): a format, the scope it was asked
 * for (tab, filters, sort, search, archived or not, period: `scope`, hashed with the format into
 * `key` so that an identical recent request is reused), generated by the `generate-export` job
 * with its progress, kept 32 hours, then purged (file removed, row kept a week as `purged` so its
 * link says it has expired).
 */
/**
 * An export template of a groupe instructeur (the reference's `ExportTemplate`), shared by every
 * member: `kind` csv/xlsx/ods (content = ordered columns with headers) or zip (content = folder and
 * file name templates, items included). Rules in `server/domain/exports/templates.ts`.
 */
export const exportTemplates = pgTable(
  "export_templates",
  {
    id: serial("id").primaryKey(),
    demarcheId: integer("demarche_id")
      .notNull()
      .references(() => demarches.id, { onDelete: "cascade" }),
    groupeInstructeurId: integer("groupe_instructeur_id")
      .notNull()
      .references(() => groupesInstructeurs.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind").notNull().$type<"csv" | "xlsx" | "ods" | "zip">(),
    content: jsonb("content").notNull(),
    createdByInstructeurId: integer("created_by_instructeur_id").references(() => instructeurs.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("export_templates_groupe_idx").on(t.groupeInstructeurId),
    index("export_templates_demarche_idx").on(t.demarcheId),
  ],
);

export const exports = pgTable(
  "exports",
  {
    id: serial("id").primaryKey(),
    instructeurId: integer("instructeur_id")
      .notNull()
      .references(() => instructeurs.id, { onDelete: "cascade" }),
    demarcheId: integer("demarche_id")
      .notNull()
      .references(() => demarches.id, { onDelete: "cascade" }),
    format: text("format").notNull().$type<"csv" | "xlsx" | "ods" | "json" | "zip">(),
    scope: jsonb("scope").notNull(),
    key: text("key").notNull(),
    state: text("state").notNull().default("pending").$type<"pending" | "generated" | "failed" | "purged">(),
    /** Storage key of the file once generated (removed at purge). */
    fileKey: text("file_key"),
    byteSize: bigint("byte_size", { mode: "number" }),
    filename: text("filename"),
    /** Dossiers written so far / to write (progress shown on the list page). */
    processedCount: integer("processed_count").notNull().default(0),
    totalCount: integer("total_count"),
    locale: text("locale").notNull().default("fr"),
    createdAt: createdAt(),
    generatedAt: tstz("generated_at"),
  },
  (t) => [
    index("exports_instructeur_demarche_idx").on(t.instructeurId, t.demarcheId, t.createdAt),
    index("exports_key_idx").on(t.instructeurId, t.key, t.createdAt),
    index("exports_file_key_idx").on(t.fileKey),
  ],
);

// ---------------------------------------------------------------- archives

/**
 * A monthly archive of a démarche (the reference's `Archive`, ds-behaviour §5.2): a zip of every
 * dossier decided in `month` (YYYY-MM, Paris time) with all its files, asked by an administrateur
 * (whole démarche) or an instructeur (their groupes), generated by the `generate-archive` job, kept
 * 4 days then purged (file removed, row kept a week as `purged`). One live archive per démarche,
 * month and groupe set: asking again returns it.
 */
export const archives = pgTable(
  "archives",
  {
    id: serial("id").primaryKey(),
    demarcheId: integer("demarche_id")
      .notNull()
      .references(() => demarches.id, { onDelete: "cascade" }),
    month: text("month").notNull(),
    requestedByAdministrateurId: integer("requested_by_administrateur_id").references(() => administrateurs.id, {
      onDelete: "set null",
    }),
    /** Asked by an instructeur: the archive holds the dossiers of `groupeIds` only. */
    requestedByInstructeurId: integer("requested_by_instructeur_id").references(() => instructeurs.id, {
      onDelete: "set null",
    }),
    /**
     * The groupes whose dossiers the archive holds, sorted ascending (an instructeur's groupes on the
     * démarche when asked); null: the whole démarche (asked by an administrateur). Instructeurs whose
     * groupes on the démarche are exactly this set see the archive, as the reference's archives per
     * set of groupes.
     */
    groupeIds: integer("groupe_ids").array(),
    state: text("state").notNull().default("pending").$type<"pending" | "generated" | "failed" | "purged">(),
    fileKey: text("file_key"),
    byteSize: bigint("byte_size", { mode: "number" }),
    filename: text("filename"),
    processedCount: integer("processed_count").notNull().default(0),
    totalCount: integer("total_count"),
    locale: text("locale").notNull().default("fr"),
    createdAt: createdAt(),
    generatedAt: tstz("generated_at"),
  },
  (t) => [
    index("archives_demarche_month_idx").on(t.demarcheId, t.month, t.createdAt),
    index("archives_file_key_idx").on(t.fileKey),
  ],
);

// ---------------------------------------------------------------- webhooks

/**
 * An administrateur's webhook subscription on a démarche: JSON payloads of the chosen event kinds
 * (empty: every kind), signed with HMAC-SHA256 and the subscription's secret (shown once).
 */
export const webhookSubscriptions = pgTable(
  "webhook_subscriptions",
  {
    id: serial("id").primaryKey(),
    demarcheId: integer("demarche_id")
      .notNull()
      .references(() => demarches.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    eventKinds: text("event_kinds").array().notNull().$type<EventKind[]>(),
    /** The HMAC key; the server needs it in clear to sign. Never shown again after creation. */
    secret: text("secret").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("webhook_subscriptions_demarche_idx").on(t.demarcheId)],
);

/**
 * The delivery log: one row per (subscription, event) to deliver, in order per dossier (`id`), with
 * its last attempt; a replay adds a new row. Rows of the legacy `web_hook_url` have no subscription.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    demarcheId: integer("demarche_id")
      .notNull()
      .references(() => demarches.id, { onDelete: "cascade" }),
    subscriptionId: integer("subscription_id").references(() => webhookSubscriptions.id, { onDelete: "cascade" }),
    eventId: bigint("event_id", { mode: "number" })
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    dossierId: integer("dossier_id"),
    url: text("url").notNull(),
    /** pending (to send, or retried later), delivered, failed (gave up). */
    status: text("status").notNull().default("pending").$type<"pending" | "delivered" | "failed">(),
    attempts: integer("attempts").notNull().default(0),
    responseCode: integer("response_code"),
    durationMs: integer("duration_ms"),
    error: text("error"),
    lastAttemptAt: tstz("last_attempt_at"),
    deliveredAt: tstz("delivered_at"),
    replayOf: bigint("replay_of", { mode: "number" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("webhook_deliveries_sequence_idx").on(t.subscriptionId, t.dossierId, t.status, t.id),
    index("webhook_deliveries_demarche_idx").on(t.demarcheId, t.id),
  ],
);

/**
 * Co-editors of a dossier (the reference's `invites`): the owner shares it with an e-mail address;
 * whoever signs in with that address may view it, edit its form and use its messagerie, never the
 * owner-only actions (scopes `dossiersOfUsagerOrInvitee` / `dossiersOfUsager`).
 */
export const dossierInvites = pgTable(
  "dossier_invites",
  {
    id: serial("id").primaryKey(),
    dossierId: integer("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
    /** Lower-cased and trimmed, as `users.email`. */
    email: text("email").notNull(),
    inviterUserId: integer("inviter_user_id").references(() => users.id, { onDelete: "set null" }),
    message: text("message"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("dossier_invites_dossier_email_key").on(t.dossierId, t.email),
    index("dossier_invites_email_idx").on(t.email, t.dossierId),
  ],
);

/**
 * A proposal to give one or all of one's dossiers to another e-mail (the reference's
 * `DossierTransfer`): valid 2 weeks, accepted or refused by whoever signs in with that address.
 * What happened is the events `dossier.transfert_*` of each dossier.
 */
export const dossierTransfers = pgTable(
  "dossier_transfers",
  {
    id: serial("id").primaryKey(),
    fromUserId: integer("from_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("dossier_transfers_email_idx").on(t.email), index("dossier_transfers_created_idx").on(t.createdAt)],
);

/** The dossiers of a transfer; a dossier is in at most one pending transfer. */
export const dossierTransferItems = pgTable(
  "dossier_transfer_items",
  {
    transferId: integer("transfer_id")
      .notNull()
      .references(() => dossierTransfers.id, { onDelete: "cascade" }),
    dossierId: integer("dossier_id")
      .notNull()
      .references(() => dossiers.id, { onDelete: "cascade" }),
  },
  (t) => [
    uniqueIndex("dossier_transfer_items_dossier_key").on(t.dossierId),
    index("dossier_transfer_items_transfer_idx").on(t.transferId),
  ],
);
