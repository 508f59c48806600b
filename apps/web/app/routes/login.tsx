import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { AuthCard } from "../components/auth-card";
import { Button } from "../components/button";
import { Field } from "../components/field";
import { FormError } from "../components/form-error";
import { apiFailure } from "../lib/api-errors";
import { safeRedirect } from "../lib/guards.server";

export async function loader({ context }: LoaderFunctionArgs) {
  if (context.user) throw redirect("/");
  // Development pre-fills the seeded demo account so the app can be tried at once.
  return {
    demo: context.isDevelopment ? { email: "demo@example.com", password: "demo123" } : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  try {
    await context.api.auth.login({
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    });
  } catch (error) {
    return data(apiFailure(error), { status: 400 });
  }
  throw redirect(safeRedirect(form.get("redirectTo")));
}

export default function Login() {
  const { demo } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  return (
    <AuthCard title="Log in" subtitle="Welcome back. Your ads are waiting.">
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <FormError
          message={failure && !Object.keys(failure.fieldErrors).length ? failure.message : null}
        />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={demo?.email}
          errors={failure?.fieldErrors.email}
          required
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          defaultValue={demo?.password}
          errors={failure?.fieldErrors.password}
          required
        />
        <Button type="submit" disabled={busy}>
          {busy ? "Logging in…" : "Log in"}
        </Button>
      </Form>
      <p className="mt-4 text-center text-sm text-slate-500">
        New here?{" "}
        <Link to="/signup" className="font-medium text-brand-600 hover:underline">
          Create an account
        </Link>
      </p>
    </AuthCard>
  );
}
