/**
 * The dossier's form as the usager fills it (brouillon) or changes it (en construction): error
 * summary, section menu, every field, then the page's own buttons. A real POST form that works
 * without JavaScript; values shown are those typed in the last submission, else the stored ones.
 */
import type { ReactNode, Ref } from "react";
import { Form } from "react-router";
import type { ChampDescriptor } from "../../../server/domain/champs/definition";
import { champErrorMessage } from "../../../server/domain/champs/errors";
import type { Locale } from "../../i18n";
import { useLocale, useT } from "../../lib/i18n";
import { type ChampErrors, ChampInputList, type ChampValues, SectionMenu } from "../champs/champ-list";
import { ErrorSummary, type ErrorSummaryItem } from "../champs/error-summary";
import { champInputId } from "../champs/field-parts";
import { CsrfInput } from "../csrf-input";

/** Summary entries in form order, each linking to its field. */
export function champErrorSummaryItems(
  descriptors: readonly ChampDescriptor[],
  errors: ChampErrors,
  locale: Locale,
): ErrorSummaryItem[] {
  return descriptors.flatMap((descriptor) => {
    const error = errors[descriptor.stableId];
    return error ? [{ href: `#${champInputId(descriptor.stableId)}`, message: champErrorMessage(error, locale) }] : [];
  });
}

export function DossierChampsForm(props: {
  dossierId: number;
  descriptors: readonly ChampDescriptor[];
  values: ChampValues;
  errors?: ChampErrors;
  /** Extra summary entries placed first (e.g. the identity). */
  extraErrors?: ErrorSummaryItem[];
  formRef?: Ref<HTMLFormElement>;
  children: ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const items = [...(props.extraErrors ?? []), ...champErrorSummaryItems(props.descriptors, props.errors ?? {}, locale)];
  return (
    <>
      <ErrorSummary items={items} />
      <p className="fr-hint-text fr-mb-3w">{t("common.requiredHint")}</p>
      <SectionMenu descriptors={props.descriptors} />
      {/* A new key per dossier: uncontrolled inputs must not keep another dossier's values. */}
      <Form method="post" noValidate ref={props.formRef} key={props.dossierId} id="formulaire-dossier">
        <CsrfInput />
        <ChampInputList descriptors={props.descriptors} values={props.values} errors={props.errors} headingLevel={2} />
        {props.children}
      </Form>
    </>
  );
}
