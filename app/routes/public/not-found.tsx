import { notFound } from "../../lib/request.server";

// Any unknown path renders the root error boundary with a 404 (never a blank page).
export function loader(): never {
  notFound();
}

export function action(): never {
  notFound();
}

export default function NotFound() {
  return null;
}
