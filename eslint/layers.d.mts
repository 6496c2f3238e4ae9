export type LayerRestriction = { regex: string; message: string };
export type LayerName = 'dbImportsBelow' | 'dbThroughServices' | 'editorFeatures' | 'editorApi';
export declare const LAYER_RESTRICTIONS: Record<LayerName, LayerRestriction>;
export declare function layerImports(
  names: LayerName[],
  others?: { group: string[]; message: string }[],
): ['error', { patterns: ({ group: string[]; message: string } | LayerRestriction)[] }];
export declare const RAW_SQL: { selector: string; message: string };
