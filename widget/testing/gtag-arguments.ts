/**
 * What gtag pushes onto `dataLayer`: its `arguments` object, not an array
 * (`function gtag(){dataLayer.push(arguments)}`). Consent Mode readers must accept that shape.
 */
export function gtagArguments(..._values: unknown[]): IArguments {
  return arguments;
}
