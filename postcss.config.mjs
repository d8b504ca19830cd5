/** Tailwind CSS v4 runs as a PostCSS plugin under Next.js. */
const config = {
  plugins: {
    "@tailwindcss/postcss": {},
  },
};

export default config;
