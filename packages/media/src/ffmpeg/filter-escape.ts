import { MediaError } from "../errors";

/** Characters special to each parser: an option's `key=value:…` list, then the whole graph. */
const OPTION_SPECIALS = /[\\':]/g;
const GRAPH_SPECIALS = /[\\'[\],;]/g;

/** Both parsers trim unescaped whitespace at the ends of a value, so edge spaces are escaped too. */
function escapeLevel(value: string, specials: RegExp): string {
  const escaped = value.replace(specials, (char) => `\\${char}`);
  return escaped.replace(/^\s+|\s+$/g, (run) => run.replace(/\s/g, (space) => `\\${space}`));
}

/**
 * Makes any string safe as one filter option value inside a filtergraph (`movie=filename=…`,
 * `drawtext=textfile=…`): escaped once for the option parser and once for the graph parser,
 * as the "Quoting and escaping" chapter of the ffmpeg docs requires. Control characters cannot
 * be escaped there at all and are refused.
 */
export function escapeFilterValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new MediaError(
      "BAD_INPUT",
      "A filter value cannot contain control characters such as line breaks",
    );
  }
  return escapeLevel(escapeLevel(value, OPTION_SPECIALS), GRAPH_SPECIALS);
}
