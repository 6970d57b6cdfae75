CREATE TABLE "api_token_expiry_notices" (
	"token_id" uuid NOT NULL,
	"window" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_token_expiry_notices_token_id_window_expires_at_pk" PRIMARY KEY("token_id","window","expires_at")
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "authorized_networks" text[];--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "renewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "api_token_expiry_notices" ADD CONSTRAINT "api_token_expiry_notices_token_id_api_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."api_tokens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_administrateur_idx" ON "api_tokens" USING btree ("administrateur_id");--> statement-breakpoint
CREATE INDEX "api_tokens_expires_at_idx" ON "api_tokens" USING btree ("expires_at");