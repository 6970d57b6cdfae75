CREATE TABLE "dossier_notifications" (
	"instructeur_id" integer NOT NULL,
	"dossier_id" integer NOT NULL,
	"demarche_id" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dossier_notifications_instructeur_id_dossier_id_pk" PRIMARY KEY("instructeur_id","dossier_id")
);
--> statement-breakpoint
ALTER TABLE "dossier_notifications" ADD CONSTRAINT "dossier_notifications_instructeur_id_instructeurs_id_fk" FOREIGN KEY ("instructeur_id") REFERENCES "public"."instructeurs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_notifications" ADD CONSTRAINT "dossier_notifications_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_notifications_list_idx" ON "dossier_notifications" USING btree ("instructeur_id","demarche_id","updated_at","dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_notifications_dossier_idx" ON "dossier_notifications" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossiers_not_taken_in_charge_idx" ON "dossiers" USING btree ("demarche_id","updated_at","id","groupe_instructeur_id") WHERE state = 'en_construction' and followers_count = 0 and for_test = false;--> statement-breakpoint
CREATE INDEX "events_notify_all_idx" ON "events" USING btree ("dossier_id") WHERE kind in ('dossier.expirant', 'dossier.supprime', 'dossier.supprime_par_usager');--> statement-breakpoint
-- Hand-written (helper "notif"): dossier_notifications kept by triggers in the same transaction as
-- each change, then backfilled. `dossier_notified_by_events` is the event part of the badges
-- (server/domain/notifications/notifications.ts `badgesOf`): an expiry warning; a deletion newer
-- than the demande seen; on a followed dossier, since following, a change by someone else newer than
-- the tab it belongs to (demande, annotations, messagerie, avis). The instructeur's own events never count.
CREATE OR REPLACE FUNCTION dossier_notified_by_events(p_dossier_id integer, p_instructeur_id integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM events e
    LEFT JOIN dossier_views v ON v.dossier_id = e.dossier_id AND v.instructeur_id = p_instructeur_id
    LEFT JOIN follows f ON f.dossier_id = e.dossier_id AND f.instructeur_id = p_instructeur_id
    WHERE e.dossier_id = p_dossier_id
      AND e.actor_user_id IS DISTINCT FROM (SELECT user_id FROM instructeurs WHERE id = p_instructeur_id)
      AND (e.kind = 'dossier.expirant'
        OR (e.kind IN ('dossier.supprime', 'dossier.supprime_par_usager') AND e.id > coalesce(v.last_seen_event_id, 0))
        OR (f.instructeur_id IS NOT NULL AND e.created_at >= f.created_at AND (
          (e.kind = 'dossier.modifie' AND e.payload->>'stream' = 'private' AND e.id > coalesce(v.annotations_seen_event_id, 0))
          OR (e.kind = 'dossier.modifie' AND e.payload->>'stream' IS DISTINCT FROM 'private' AND e.id > coalesce(v.last_seen_event_id, 0))
          OR (e.kind = 'message.envoye' AND e.id > coalesce(v.messagerie_seen_event_id, 0))
          OR (e.kind = 'avis.rendu' AND e.id > coalesce(v.avis_seen_event_id, 0))))))
$$;
--> statement-breakpoint
-- Recomputes one dossier's rows, for one instructeur or (null) for every instructeur who may see it
-- (members of its groupe) or follows it.
CREATE OR REPLACE FUNCTION dossier_notifications_refresh(p_dossier_id integer, p_instructeur_id integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM dossier_notifications
  WHERE dossier_id = p_dossier_id AND (p_instructeur_id IS NULL OR instructeur_id = p_instructeur_id);
  INSERT INTO dossier_notifications (instructeur_id, dossier_id, demarche_id, updated_at)
  SELECT c.instructeur_id, d.id, d.demarche_id, d.updated_at
  FROM dossiers d,
    LATERAL (SELECT m.instructeur_id FROM groupe_instructeur_members m WHERE m.groupe_instructeur_id = d.groupe_instructeur_id
             UNION SELECT f.instructeur_id FROM follows f WHERE f.dossier_id = d.id) c
  WHERE d.id = p_dossier_id
    AND (p_instructeur_id IS NULL OR c.instructeur_id = p_instructeur_id)
    AND dossier_notified_by_events(d.id, c.instructeur_id)
  ON CONFLICT (instructeur_id, dossier_id) DO NOTHING;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION dossier_notifications_on_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM dossier_notifications_refresh(OLD.dossier_id, NULL);
  ELSE
    PERFORM dossier_notifications_refresh(NEW.dossier_id, NULL);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER events_notifications AFTER INSERT ON events FOR EACH ROW
WHEN (NEW.dossier_id IS NOT NULL AND NEW.kind IN ('dossier.modifie', 'message.envoye', 'avis.rendu', 'dossier.supprime',
  'dossier.supprime_par_usager', 'dossier.expirant'))
EXECUTE FUNCTION dossier_notifications_on_event();
--> statement-breakpoint
CREATE TRIGGER events_notifications_deleted AFTER DELETE ON events FOR EACH ROW
WHEN (OLD.dossier_id IS NOT NULL AND OLD.kind IN ('dossier.modifie', 'message.envoye', 'avis.rendu', 'dossier.supprime',
  'dossier.supprime_par_usager', 'dossier.expirant'))
EXECUTE FUNCTION dossier_notifications_on_event();
--> statement-breakpoint
-- Follows and views: the (instructeur, dossier) row they concern.
CREATE OR REPLACE FUNCTION dossier_notifications_on_instructeur_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM dossier_notifications_refresh(OLD.dossier_id, OLD.instructeur_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM dossier_notifications_refresh(NEW.dossier_id, NEW.instructeur_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER follows_notifications AFTER INSERT OR UPDATE OR DELETE ON follows FOR EACH ROW
EXECUTE FUNCTION dossier_notifications_on_instructeur_row();
--> statement-breakpoint
CREATE TRIGGER dossier_views_notifications AFTER INSERT OR UPDATE OR DELETE ON dossier_views FOR EACH ROW
EXECUTE FUNCTION dossier_notifications_on_instructeur_row();
--> statement-breakpoint
-- A new member of a groupe: the groupe's dossiers with an event that notifies every member.
CREATE OR REPLACE FUNCTION dossier_notifications_on_member() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dossier_notifications_refresh(x.dossier_id, NEW.instructeur_id)
  FROM (SELECT DISTINCT e.dossier_id FROM events e JOIN dossiers d ON d.id = e.dossier_id
        WHERE e.kind IN ('dossier.expirant', 'dossier.supprime', 'dossier.supprime_par_usager')
          AND d.groupe_instructeur_id = NEW.groupe_instructeur_id) x;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER groupe_members_notifications AFTER INSERT OR UPDATE ON groupe_instructeur_members FOR EACH ROW
EXECUTE FUNCTION dossier_notifications_on_member();
--> statement-breakpoint
-- The copy of updated_at follows the dossier's; a dossier moved to another groupe changes who may see it.
CREATE OR REPLACE FUNCTION dossier_notifications_on_dossier() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.groupe_instructeur_id IS DISTINCT FROM OLD.groupe_instructeur_id THEN
    PERFORM dossier_notifications_refresh(NEW.id, NULL);
  ELSE
    UPDATE dossier_notifications SET updated_at = NEW.updated_at WHERE dossier_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER dossiers_notifications AFTER UPDATE ON dossiers FOR EACH ROW
WHEN (OLD.updated_at IS DISTINCT FROM NEW.updated_at OR OLD.groupe_instructeur_id IS DISTINCT FROM NEW.groupe_instructeur_id)
EXECUTE FUNCTION dossier_notifications_on_dossier();
--> statement-breakpoint
-- Backfill: every dossier with a notifying event.
INSERT INTO dossier_notifications (instructeur_id, dossier_id, demarche_id, updated_at)
SELECT c.instructeur_id, d.id, d.demarche_id, d.updated_at
FROM (SELECT DISTINCT dossier_id FROM events WHERE dossier_id IS NOT NULL AND kind IN ('dossier.modifie', 'message.envoye',
        'avis.rendu', 'dossier.supprime', 'dossier.supprime_par_usager', 'dossier.expirant')) x
  JOIN dossiers d ON d.id = x.dossier_id,
  LATERAL (SELECT m.instructeur_id FROM groupe_instructeur_members m WHERE m.groupe_instructeur_id = d.groupe_instructeur_id
           UNION SELECT f.instructeur_id FROM follows f WHERE f.dossier_id = d.id) c
WHERE dossier_notified_by_events(d.id, c.instructeur_id)
ON CONFLICT (instructeur_id, dossier_id) DO NOTHING;
