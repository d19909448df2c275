import { createRequire } from "node:module";

/**
 * What an offline gateway can check. Packages: a short list of widely used names (npm, PyPI,
 * crates.io, RubyGems) that are taken as known; any other name is "not verified", which says nothing
 * about whether it exists. APIs: the members of JavaScript's built-in objects and Node's core modules
 * (read from the running Node, so they are exact for this version) and of a few Python standard
 * modules (tables below, Python 3.12).
 */
// biome-ignore format: a list of names reads best packed
export const KNOWN_PACKAGES: ReadonlySet<string> = new Set([
  // npm
  "react", "react-dom", "react-router", "react-router-dom", "react-redux", "react-query", "react-hook-form", "react-native",
  "vue", "vue-router", "vuex", "pinia", "nuxt", "next", "svelte", "angular", "@angular/core", "express", "express-session",
  "express-validator", "express-rate-limit", "koa", "fastify", "hapi", "nestjs", "@nestjs/core", "lodash", "underscore",
  "axios", "node-fetch", "undici", "got", "superagent", "moment", "dayjs", "date-fns", "luxon", "chalk", "commander",
  "yargs", "inquirer", "dotenv", "cors", "helmet", "morgan", "body-parser", "cookie-parser", "multer", "passport",
  "passport-jwt", "passport-local", "jsonwebtoken", "bcrypt", "bcryptjs", "uuid", "nanoid", "zod", "joi", "yup", "ajv",
  "mongoose", "sequelize", "typeorm", "prisma", "@prisma/client", "knex", "kysely", "pg", "mysql", "mysql2", "sqlite3",
  "better-sqlite3", "redis", "ioredis", "socket.io", "ws", "graphql", "apollo-server", "@apollo/client", "webpack",
  "webpack-cli", "babel", "@babel/core", "eslint", "prettier", "typescript", "ts-node", "tsx", "jest", "mocha", "chai",
  "vitest", "cypress", "playwright", "puppeteer", "nodemon", "pm2", "rxjs", "redux", "@reduxjs/toolkit", "jquery",
  "bootstrap", "tailwindcss", "sass", "postcss", "vite", "esbuild", "rollup", "parcel", "three", "d3", "chart.js",
  "pino", "winston", "debug", "glob", "rimraf", "fs-extra", "mkdirp", "semver", "minimist", "cheerio", "jsdom",
  "sharp", "multer", "nodemailer", "stripe", "aws-sdk", "firebase", "electron", "immer", "classnames", "styled-components",
  "@emotion/react", "framer-motion", "swr", "@tanstack/react-query", "zustand", "mobx", "ramda", "rxdb",
  "cross-env", "concurrently", "husky", "lint-staged", "npm-run-all", "npm-check-updates", "http-server", "serve",
  // PyPI
  "numpy", "pandas", "scipy", "scikit-learn", "sklearn", "matplotlib", "seaborn", "plotly", "requests", "httpx",
  "aiohttp", "urllib3", "flask", "django", "fastapi", "starlette", "uvicorn", "gunicorn", "pydantic", "sqlalchemy",
  "alembic", "psycopg2", "psycopg2-binary", "pymysql", "redis-py", "celery", "pytest", "pytest-cov", "pytest-asyncio",
  "tox", "black", "flake8", "pylint", "mypy", "ruff", "isort", "torch", "pytorch", "torchvision", "torchaudio",
  "tensorflow", "keras", "jax", "transformers", "datasets", "tokenizers", "accelerate", "xgboost", "lightgbm",
  "catboost", "statsmodels", "sympy", "networkx", "opencv-python", "pillow", "beautifulsoup4", "bs4", "lxml",
  "scrapy", "selenium", "playwright-python", "click", "typer", "rich", "tqdm", "pyyaml", "toml", "tomli",
  "python-dotenv", "jinja2", "boto3", "botocore", "paramiko", "cryptography", "pyjwt", "bcrypt-python", "passlib",
  "django-rest-framework", "djangorestframework", "django-cors-headers", "django-environ", "django-filter",
  "django-debug-toolbar", "django-allauth", "django-storages", "django-celery-beat", "flask-sqlalchemy",
  "flask-login", "flask-cors", "flask-wtf", "flask-migrate", "jupyter", "notebook", "ipython", "pandas-datareader",
  "pyarrow", "polars", "dask", "numba", "cython", "poetry", "pipenv", "virtualenv", "setuptools", "wheel", "twine",
  "openai", "anthropic", "langchain", "llama-index", "spacy", "nltk", "gensim", "sentence-transformers", "onnx",
  "onnxruntime", "pytorch-lightning", "lightning", "torch-geometric", "tensorboard", "wandb", "mlflow", "optuna",
  "requests-oauthlib", "requests-toolbelt", "requests-cache", "marshmallow", "attrs", "dataclasses-json", "arrow",
  "pendulum", "python-dateutil", "pytz", "six", "certifi", "idna", "charset-normalizer", "sqlmodel", "pymongo",
  "motor", "asyncpg", "websockets", "grpcio", "protobuf", "docker", "kubernetes", "ansible", "fabric",
  // crates.io, RubyGems, Go
  "serde", "serde_json", "tokio", "reqwest", "clap", "anyhow", "thiserror", "rand", "regex", "chrono", "log",
  "env_logger", "tracing", "actix-web", "axum", "hyper", "rocket", "diesel", "sqlx", "rayon", "itertools",
  "lazy_static", "once_cell", "ring", "rustls", "openssl", "base64", "uuid-rs", "bytes", "futures",
  "rails", "rake", "bundler", "rspec", "sinatra", "devise", "nokogiri", "puma", "sidekiq", "pry",
]);

/** Names that start many real plugins (`django-cors-headers`, `express-session`): a name with one of these prefixes is read as a package. */
export const ECOSYSTEM_PREFIXES = [
  "django",
  "flask",
  "fastapi",
  "pandas",
  "numpy",
  "scipy",
  "sklearn",
  "scikit",
  "torch",
  "pytorch",
  "tensorflow",
  "keras",
  "requests",
  "pytest",
  "express",
  "react",
  "vue",
  "angular",
  "svelte",
  "nuxt",
  "webpack",
  "babel",
  "eslint",
  "jest",
  "gatsby",
  "redux",
  "jquery",
  "lodash",
  "axios",
  "mongoose",
  "graphql",
  "apollo",
  "tokio",
  "serde",
  "actix",
  "laravel",
  "npm",
  "crypto",
] as const;

const require = createRequire(import.meta.url);

function members(value: unknown): Set<string> {
  const names = new Set<string>();
  let current: unknown = value;
  while (current !== null && current !== undefined && current !== Object.prototype) {
    for (const name of Object.getOwnPropertyNames(current)) names.add(name);
    current = Object.getPrototypeOf(current);
  }
  return names;
}

function nodeModule(name: string): Set<string> {
  try {
    return members(require(`node:${name}`));
  } catch {
    return new Set();
  }
}

// biome-ignore format: tables read best packed
const PYTHON_MODULES: Readonly<Record<string, string>> = {
  "os.path": "abspath altsep basename commonpath commonprefix curdir defpath devnull dirname exists expanduser expandvars extsep getatime getctime getmtime getsize isabs isdir isfile isjunction islink ismount join lexists normcase normpath os pardir pathsep realpath relpath samefile sameopenfile samestat sep split splitdrive splitext splitroot supports_unicode_filenames genericpath stat sys",
  json: "JSONDecodeError JSONDecoder JSONEncoder decoder detect_encoding dump dumps encoder load loads scanner tool",
  math: "acos acosh asin asinh atan atan2 atanh cbrt ceil comb copysign cos cosh degrees dist e erf erfc exp exp2 expm1 fabs factorial floor fmod frexp fsum gamma gcd hypot inf isclose isfinite isinf isnan isqrt lcm ldexp lgamma log log10 log1p log2 modf nan nextafter perm pi pow prod radians remainder sin sinh sqrt sumprod tan tanh tau trunc ulp",
  re: "A ASCII DEBUG DOTALL I IGNORECASE L LOCALE M MULTILINE NOFLAG Match Pattern RegexFlag S Scanner T TEMPLATE U UNICODE VERBOSE X compile copyreg enum error escape findall finditer fullmatch functools match purge search split sub subn template",
  shutil: "chown copy copy2 copyfile copyfileobj copymode copystat copytree disk_usage get_archive_formats get_terminal_size get_unpack_formats ignore_patterns make_archive move register_archive_format register_unpack_format rmtree unpack_archive unregister_archive_format unregister_unpack_format which Error SameFileError SpecialFileError ExecError ReadError RegistryError",
};

/** Owner (as written in code) -> its members. */
export const API_TABLES: ReadonlyMap<string, ReadonlySet<string>> = new Map<string, ReadonlySet<string>>([
  ["Array.prototype", members(Array.prototype)],
  ["String.prototype", members(String.prototype)],
  ["Object.prototype", members(Object.prototype)],
  ["Promise.prototype", members(Promise.prototype)],
  ["Number.prototype", members(Number.prototype)],
  ["Array", members(Array)],
  ["Object", members(Object)],
  ["Promise", members(Promise)],
  ["Number", members(Number)],
  ["String", members(String)],
  ["Math", members(Math)],
  ["JSON", members(JSON)],
  ["Reflect", members(Reflect)],
  ["fs", nodeModule("fs")],
  ["fs.promises", nodeModule("fs/promises")],
  ["path", nodeModule("path")],
  ["crypto", nodeModule("crypto")],
  ["child_process", nodeModule("child_process")],
  ["util", nodeModule("util")],
  ...Object.entries(PYTHON_MODULES).map(
    ([owner, names]) => [owner, new Set(names.split(" "))] as [string, ReadonlySet<string>],
  ),
]);
