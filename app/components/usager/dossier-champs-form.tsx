/**
 * The dossier's form as the usager fills it (brouillon) or changes it (en construction): error
 * summary, section menu, every field (repetition rows included), then the page's own buttons. A
 * real POST form that works without JavaScript; values shown are those typed in the last
 * submission, else the stored ones. With JavaScript, conditions and ineligibility rules are
 * re-evaluated as the usager types.
 */
import { type ReactNode, type RefObject, useRef } from "react";
import { Form } from "react-router";
import type { ChampDescriptor } from "../../../server/domain/champs/definition";
import { champErrorMessage } from "../../../server/domain/champs/errors";
import type { IneligibilityRules } from "../../../server/domain/form/ineligibility";
import type { ChampKey } from "../../../server/domain/form/keys";
import { fieldInstances } from "../../../server/domain/form/tree";
import type { Locale } from "../../../common/i18n";
import { useLocale, useT } from "../../lib/i18n";
import { useLiveVisibility } from "../../lib/use-live-visibility";
import { type ChampErrors, ChampInputList, type ChampValues, SectionMenu } from "../champs/champ-list";
import { ErrorSummary, type ErrorSummaryItem } from "../champs/error-summary";
import { champInputId } from "../champs/field-parts";
import { CsrfInput } from "../csrf-input";

/** Summary entries in form order (rows included), each linking to its field. */
export function champErrorSummaryItems(
  descriptors: readonly ChampDescriptor[],
  values: ChampValues,
  errors: ChampErrors,
  locale: Locale,
): ErrorSummaryItem[] {
  return fieldInstances(descriptors, new Map(Object.entries(values))).flatMap(({ key }) => {
    const error = errors[key];
    return error ? [{ href: `#${champInputId(key)}`, message: champErrorMessage(error, locale) }] : [];
  });
}

export function DossierChampsForm(props: {
  dossierId: number;
  descriptors: readonly ChampDescriptor[];
  values: ChampValues;
  errors?: ChampErrors;
  hidden?: readonly ChampKey[];
  /** Enabled rules of the revision, evaluated live; `ineligibleMessage` is the server's verdict. */
  ineligibility?: IneligibilityRules | null;
  ineligibleMessage?: string | null;
  focusRowId?: string | null;
  /** The `intent` of the page's main button, which pressing Enter in a field must trigger. */
  defaultIntent?: string;
  /** Extra summary entries placed first (e.g. the identity). */
  extraErrors?: ErrorSummaryItem[];
  formRef?: RefObject<HTMLFormElement | null>;
  children: ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const ownRef = useRef<HTMLFormElement>(null);
  const formRef = props.formRef ?? ownRef;
  const live = useLiveVisibility(formRef, {
    descriptors: props.descriptors,
    values: props.values,
    ineligibility: props.ineligibility ?? null,
  });
  const items = [
    ...(props.extraErrors ?? []),
    ...champErrorSummaryItems(props.descriptors, props.values, props.errors ?? {}, locale),
  ];
  // What the usager did since the page was rendered wins over the server's verdict of the last submission.
  const ineligible = live.ineligible ?? Boolean(props.ineligibleMessage);
  const ineligibleMessage = props.ineligibleMessage ?? props.ineligibility?.message ?? "";
  return (
    <>
      <ErrorSummary items={items} />
      <p className="fr-hint-text fr-mb-3w">{t("common.requiredHint")}</p>
      <SectionMenu descriptors={props.descriptors} />
      {/* A new key per dossier: uncontrolled inputs must not keep another dossier's values. */}
      <Form method="post" encType="multipart/form-data" noValidate ref={formRef} key={props.dossierId} id="formulaire-dossier">
        <CsrfInput />
        {/* Enter in a field submits with the first button of the form: it must be the page's save,
            not the « Ajouter un élément » of a repetition block further down. */}
        <button
          type="submit"
          name={props.defaultIntent ? "intent" : undefined}
          value={props.defaultIntent}
          className="guichet-default-submit"
          tabIndex={-1}
          aria-hidden="true"
        >
          {t("usager.brouillon.save")}
        </button>
        <ChampInputList
          descriptors={props.descriptors}
          values={props.values}
          errors={props.errors}
          hidden={props.hidden}
          focusRowId={props.focusRowId}
          headingLevel={2}
        />
        <div aria-live="polite">
          {ineligible ? (
            <div className="fr-alert fr-alert--error fr-mt-3w" id="ineligibilite">
              <h3 className="fr-alert__title">{t("usager.ineligible.title")}</h3>
              <p>{ineligibleMessage}</p>
            </div>
          ) : null}
        </div>
        {props.children}
      </Form>
    </>
  );
}
