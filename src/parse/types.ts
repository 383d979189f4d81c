/** One step of a path into a document: a mapping key or a sequence index. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** Half-open character offsets into a file's text. */
export interface Range {
  start: number;
  end: number;
}

/** A text edit over the original source: replace [start, end) with text. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A value written into a document by an edit: a scalar, a list or a mapping of them. */
export type PlainValue = string | PlainValue[] | { [key: string]: PlainValue };

/** Where a path points in the source: the node itself, or its nearest existing ancestor. */
export interface LocatedNode {
  range: Range;
  /** False when the path does not exist and `range` is the nearest existing ancestor (its key). */
  exact: boolean;
}

export interface SourceDocument {
  /** 0-based position of the document in its file. */
  index: number;
  /** The document as plain data (YAML 1.1 scalars resolved as Kubernetes reads them). */
  value: unknown;
  /** Offset where the document's content starts. */
  start: number;
  locate(path: Path): LocatedNode | undefined;
}

export interface ParseProblem {
  message: string;
  start: number;
  end: number;
  /** A warning leaves the document readable (a duplicate key: the last value is used). */
  warning?: boolean;
}

export interface ParsedSource {
  documents: SourceDocument[];
  problems: ParseProblem[];
}
