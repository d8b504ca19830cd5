import { z } from "zod";

/** The sign-up form, validated in the browser and again by the API. */
export const signUpSchema = z.object({
  name: z
    .string({ message: "Enter your name" })
    .trim()
    .min(1, "Enter your name")
    .max(100, "Use at most 100 characters"),
  email: z
    .string({ message: "Enter your email address" })
    .trim()
    .toLowerCase()
    .max(254, "Use at most 254 characters")
    .email("Enter an email address like name@example.com"),
  password: z
    .string({ message: "Choose a password" })
    .min(10, "Use at least 10 characters")
    .max(200, "Use at most 200 characters")
    .refine(
      (password) => password.trim().length >= 10,
      "Use at least 10 characters besides spaces",
    ),
  country: z
    .string({ message: "Choose your billing country" })
    .regex(/^[A-Z]{2}$/, "Choose your billing country from the list"),
});

export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter an email address like name@example.com"),
  password: z.string().min(1, "Enter your password"),
});
