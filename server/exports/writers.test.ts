import { buffer } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { createCsvWriter, csvField } from "./csv-writer";
import { odsCell, xmlText } from "./ods-writer";

describe("CSV", () => {
  it("quotes what needs it and writes dates as ISO wall-clock", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('dit "oui"')).toBe('"dit ""oui"""');
    expect(csvField("ligne\nsuivante")).toBe('"ligne\nsuivante"');
    expect(csvField(12.5)).toBe("12.5");
    expect(csvField(null)).toBe("");
    expect(csvField(new Date(Date.UTC(2024, 2, 15)))).toBe("2024-03-15");
    expect(csvField(new Date(Date.UTC(2024, 2, 15, 10, 30)))).toBe("2024-03-15 10:30");
  });

  it("writes the first sheet only, with a byte order mark and CRLF", async () => {
    const writer = createCsvWriter();
    const done = buffer(writer.output);
    await writer.startSheet("Dossiers", ["N°", "Nom"]);
    await writer.writeRow([1, "Dupont"]);
    await writer.endSheet();
    await writer.startSheet("Bloc", ["N°", "Ligne"]);
    await writer.writeRow([1, 1]);
    await writer.endSheet();
    await writer.finish();
    expect((await done).toString("utf8")).toBe("\uFEFFN°,Nom\r\n1,Dupont\r\n");
    expect((await done).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

describe("ODS cells", () => {
  it("are typed and escaped", () => {
    expect(odsCell(42)).toContain('office:value-type="float" office:value="42"');
    expect(odsCell(new Date(Date.UTC(2024, 2, 15)))).toContain('office:date-value="2024-03-15"');
    expect(odsCell(new Date(Date.UTC(2024, 2, 15, 10, 30)))).toContain('office:date-value="2024-03-15T10:30:00"');
    expect(odsCell('a < b & "c"')).toContain("<text:p>a &lt; b &amp; &quot;c&quot;</text:p>");
    expect(odsCell("1\n2")).toContain("<text:p>1</text:p><text:p>2</text:p>");
    expect(odsCell(null)).toBe("<table:table-cell/>");
    expect(xmlText("a\u0001b")).toBe("ab");
  });
});
