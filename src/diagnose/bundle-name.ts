/** The index file of a live-diagnose bundle: `capdoctor diagnose DIR` recognises a saved bundle by it. */
export const BUNDLE_INDEX = 'capdoctor-collected.json';
