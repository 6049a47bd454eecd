"use server";
// Server actions behind /daerah/produk-unggulan: a verified regional government tags, changes and removes its
// flagship products (lib/regions/flagship.ts puts the government into every where clause: another's is 404).
// Each export takes a plain object or (previousState, FormData) for useActionState.
import { revalidate, regionalGovernmentAction } from "@/lib/auth/action-wrapper";
import { supplierRoutes } from "@/lib/suppliers/routes";
import { createFlagship, deleteFlagship, updateFlagship } from "./flagship";
import { regionRoutes } from "./routes";
import { flagshipDeleteSchema, flagshipInputSchema, flagshipUpdateSchema } from "./schemas";

const refresh = () => revalidate(regionRoutes.flagshipProducts(), regionRoutes.dashboard(), supplierRoutes.directory());

export const createFlagshipAction = regionalGovernmentAction("region:flagship", flagshipInputSchema, async (input, { actor }) => {
  const f = await createFlagship(actor, input);
  refresh();
  return f;
});

export const updateFlagshipAction = regionalGovernmentAction("region:flagship", flagshipUpdateSchema, async (input, { actor }) => {
  const f = await updateFlagship(actor, input);
  refresh();
  return f;
});

export const deleteFlagshipAction = regionalGovernmentAction("region:flagship", flagshipDeleteSchema, async (input, { actor }) => {
  const f = await deleteFlagship(actor, input);
  refresh();
  return f;
});
