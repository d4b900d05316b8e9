/**
 * jsdom has no TextEncoder or TextDecoder, which every browser the pane runs in has (the zip
 * writer uses them): Node's own stand in. Imported first by the tests that build a file in jsdom.
 */
import { TextDecoder, TextEncoder } from 'node:util';

if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder, TextDecoder });
