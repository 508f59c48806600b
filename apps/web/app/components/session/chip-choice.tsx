import type { CSSProperties, ReactNode } from "react";

/**
 * One choice drawn as a chip: the real radio or checkbox stays in the form (visually
 * hidden, still focusable and labelled), and the chip shows its state through `peer-*`.
 */
export function ChipChoice({
  type,
  name,
  value,
  checked,
  defaultChecked,
  onChange,
  chipClassName,
  chipStyle,
  children,
}: {
  type: "radio" | "checkbox";
  name: string;
  value: string;
  checked?: boolean;
  defaultChecked?: boolean;
  onChange?: () => void;
  chipClassName: string;
  chipStyle?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <label className="cursor-pointer">
      <input
        type={type}
        name={name}
        value={value}
        checked={checked}
        defaultChecked={defaultChecked}
        onChange={onChange}
        className="peer sr-only"
      />
      <span className={chipClassName} style={chipStyle}>
        {children}
      </span>
    </label>
  );
}
