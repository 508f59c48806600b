import { redirect, type ActionFunctionArgs } from "@remix-run/node";

export async function action({ context }: ActionFunctionArgs) {
  if (context.user) await context.api.auth.logout();
  throw redirect("/login");
}

export async function loader() {
  throw redirect("/");
}
