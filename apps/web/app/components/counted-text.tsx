import { useId, useState, type TextareaHTMLAttributes } from "react";

interface CountedTextProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "onChange"> {
  label: string;
  name: string;
  max: number;
  /** Errors from the server, shown under the field. */
  errors?: string[];
  /** Error found in the browser before posting (too long, too short). */
  clientError?: string | null;
  onValueChange?: (value: string) => void;
  /** A single-line input instead of a textarea. */
  singleLine?: boolean;
}

/**
 * A labelled text field with a live "12 / 200" counter. It does not cut text at the limit
 * (a pasted line would be silently truncated); it turns red and says why instead.
 */
export function CountedText({
  label,
  name,
  max,
  errors,
  clientError,
  onValueChange,
  singleLine,
  defaultValue,
  className = "",
  ...rest
}: CountedTextProps) {
  const id = useId();
  const [value, setValue] = useState(String(defaultValue ?? ""));
  const over = value.length > max;
  const messages = [
    ...(clientError ? [clientError] : []),
    ...(over && !clientError ? [`${label} can be at most ${max} characters.`] : []),
    ...(errors ?? []),
  ];
  const invalid = messages.length > 0;
  const common = {
    id,
    name,
    value,
    "aria-invalid": invalid || undefined,
    "aria-describedby": `${id}-count${invalid ? ` ${id}-error` : ""}`,
    className: `w-full rounded-lg border bg-white px-3 py-2 shadow-sm outline-none focus:ring-2 ${
      invalid
        ? "border-red-400 focus:border-red-500 focus:ring-red-200"
        : "border-slate-300 focus:border-brand-500 focus:ring-brand-100"
    } ${className}`,
    onChange: (e: { target: { value: string } }) => {
      setValue(e.target.value);
      onValueChange?.(e.target.value);
    },
  };
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          {label}
        </label>
        <span
          id={`${id}-count`}
          className={`text-xs tabular-nums ${over ? "font-semibold text-red-600" : "text-slate-500"}`}
          data-testid={`${name}-count`}
        >
          {value.length} / {max}
        </span>
      </div>
      {singleLine ? (
        <input {...common} {...(rest as object)} />
      ) : (
        <textarea rows={2} {...common} {...rest} />
      )}
      {invalid ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-600">
          {messages.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
