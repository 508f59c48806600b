import { z } from "zod";

export const emailSchema = z
  .string({ error: "Email is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address" }).max(254, { error: "Email is too long" }));

export const passwordSchema = z
  .string({ error: "Password is required" })
  .min(8, { error: "Password must be at least 8 characters" })
  .max(256, { error: "Password must be at most 256 characters" });

export const signupInput = z.object({ email: emailSchema, password: passwordSchema });
export type SignupInput = z.infer<typeof signupInput>;

/** Log-in does not enforce the sign-up length rule: a short password is simply wrong. */
export const loginInput = z.object({
  email: emailSchema,
  password: z
    .string({ error: "Password is required" })
    .min(1, { error: "Password is required" })
    .max(256, { error: "Password must be at most 256 characters" }),
});
export type LoginInput = z.infer<typeof loginInput>;

export const authResult = z.object({
  userId: z.string(),
  email: z.string(),
  sessionToken: z.string(),
});
export type AuthResult = z.infer<typeof authResult>;
