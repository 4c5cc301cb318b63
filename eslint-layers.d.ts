/** Types of eslint-layers.js (plain JavaScript, loaded by eslint.config.js and the tests). */
export declare const forbiddenImports: Record<string, string[]>;
export declare function layerRules(): object[];
