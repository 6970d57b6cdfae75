import { useT } from "../../lib/i18n";

export default function Accessibilite() {
  const t = useT();
  return (
    <>
      <title>{`${t("common.accessibility.title")} – Guichet`}</title>
      <h1>{t("common.accessibility.title")}</h1>
      <p>{t("common.accessibility.body")}</p>
    </>
  );
}
