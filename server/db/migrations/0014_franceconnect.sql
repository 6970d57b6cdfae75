CREATE TABLE "france_connect_informations" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer,
	"sub" text NOT NULL,
	"gender" text,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"birthdate" date,
	"email_france_connect" text NOT NULL,
	"merge_token_hash" text,
	"merge_token_expires_at" timestamp with time zone,
	"email_merge_token_hash" text,
	"email_merge_token_expires_at" timestamp with time zone,
	"pending_id_token" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "france_connect_requests" (
	"state_hash" text PRIMARY KEY NOT NULL,
	"binding_hash" text NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"redirect_to" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "france_connect_id_token" text;--> statement-breakpoint
ALTER TABLE "france_connect_informations" ADD CONSTRAINT "france_connect_informations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "france_connect_informations_sub_key" ON "france_connect_informations" USING btree ("sub");--> statement-breakpoint
CREATE UNIQUE INDEX "france_connect_informations_user_id_key" ON "france_connect_informations" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "france_connect_informations_merge_token_key" ON "france_connect_informations" USING btree ("merge_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "france_connect_informations_email_merge_token_key" ON "france_connect_informations" USING btree ("email_merge_token_hash");--> statement-breakpoint
CREATE INDEX "france_connect_requests_expires_at_idx" ON "france_connect_requests" USING btree ("expires_at");