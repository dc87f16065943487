/**
 * The syntax tree of the expression language. Plain, serialisable data: every node carries its
 * 0-based source span [start, end) so checks can point at the exact column.
 */

export type BinaryOperator =
  | "*"
  | "/"
  | "%"
  | "+"
  | "-"
  | "<"
  | "<="
  | ">"
  | ">="
  | "=="
  | "!="
  | "in";

/** Short-circuiting operators: they may skip their right side. `and`/`or` parse as `&&`/`||`. */
export type LogicalOperator = "&&" | "||" | "??";

/** `not` parses as `!`. */
export type UnaryOperator = "!" | "-";

interface Span {
  /** 0-based offset of the first character. */
  readonly start: number;
  /** 0-based offset just after the last character. */
  readonly end: number;
}

export type LiteralNode = Span & { readonly kind: "literal"; readonly value: string | number | boolean | null };
export type ListNode = Span & { readonly kind: "list"; readonly items: readonly ExpressionNode[] };
export type VariableNode = Span & { readonly kind: "variable"; readonly name: string };
/** `object.property`; `propertyStart` locates the name after the dot. */
export type MemberNode = Span & {
  readonly kind: "member";
  readonly object: ExpressionNode;
  readonly property: string;
  readonly propertyStart: number;
};
export type IndexNode = Span & { readonly kind: "index"; readonly object: ExpressionNode; readonly index: ExpressionNode };
/** Only built-in functions can be called, so the callee is a name, never an expression. */
export type CallNode = Span & { readonly kind: "call"; readonly callee: string; readonly args: readonly ExpressionNode[] };
export type UnaryNode = Span & { readonly kind: "unary"; readonly op: UnaryOperator; readonly operand: ExpressionNode };
export type BinaryNode = Span & {
  readonly kind: "binary";
  readonly op: BinaryOperator;
  readonly left: ExpressionNode;
  readonly right: ExpressionNode;
};
export type LogicalNode = Span & {
  readonly kind: "logical";
  readonly op: LogicalOperator;
  readonly left: ExpressionNode;
  readonly right: ExpressionNode;
};
export type ConditionalNode = Span & {
  readonly kind: "conditional";
  readonly test: ExpressionNode;
  readonly consequent: ExpressionNode;
  readonly alternate: ExpressionNode;
};

export type ExpressionNode =
  | LiteralNode
  | ListNode
  | VariableNode
  | MemberNode
  | IndexNode
  | CallNode
  | UnaryNode
  | BinaryNode
  | LogicalNode
  | ConditionalNode;
