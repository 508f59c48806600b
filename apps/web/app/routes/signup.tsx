import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { AuthCard } from "../components/auth-card";
import { Button } from "../components/button";
import { Field } from "../components/field";
import { FormError } from "../components/form-error";
import { apiFailure } from "../lib/api-errors";

export async function loader({ context }: LoaderFunctionArgs) {
  if (context.user) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  try {
    await context.api.auth.signup({
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    });
  } catch (error) {
    return data(apiFailure(error), { status: 400 });
  }
  throw redirect("/");
}

export default function Signup() {
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <AuthCard title="Create your account" subtitle="Make your first product ad in minutes.">
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <FormError
          message={failure && !Object.keys(failure.fieldErrors).length ? failure.message : null}
        />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          errors={failure?.fieldErrors.email}
          required
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={8}
          errors={failure?.fieldErrors.password}
          required
        />
        <p className="-mt-2 text-xs text-slate-500">At least 8 characters.</p>
        <Button type="submit" disabled={busy}>
          {busy ? "Creating account…" : "Create account"}
        </Button>
      </Form>
      <p className="mt-4 text-center text-sm text-slate-500">
        Already have an account?{" "}
        <Link to="/login" className="font-medium text-brand-600 hover:underline">
          Log in
        </Link>
      </p>
    </AuthCard>
  );
}
