// xml-writer ships no types; this declares the part analytics/export/formats.ts uses.
declare module 'xml-writer' {
  export default class XMLWriter {
    constructor(indent?: boolean | string, writer?: (text: string, encoding: string) => void);
    startElement(name: string): this;
    writeAttribute(name: string, value: string): this;
    text(content: string): this;
    endElement(): this;
    toString(): string;
  }
}
